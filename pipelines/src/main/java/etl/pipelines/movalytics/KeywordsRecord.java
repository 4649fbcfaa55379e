package etl.pipelines.movalytics;

import etl.transforms.io.Origin;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** One record of keywords.csv: a movie's keywords. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class KeywordsRecord implements Origin {
  public final String source;
  public final long line;
  public final long movieId;
  public final List<MovieKeyword> keywords;

  @SchemaCreate
  public KeywordsRecord(
      String source,
      long line,
      long movieId,
      List<MovieKeyword> keywords) {
    this.source = source;
    this.line = line;
    this.movieId = movieId;
    this.keywords = keywords;
  }

  @Override
  public String originSource() {
    return source;
  }

  @Override
  public long originPosition() {
    return line;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KeywordsRecord)) {
      return false;
    }
    KeywordsRecord that = (KeywordsRecord) o;
    return Objects.equals(source, that.source)
        && Objects.equals(line, that.line)
        && Objects.equals(movieId, that.movieId)
        && Objects.equals(keywords, that.keywords);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, movieId, keywords);
  }

  @Override
  public String toString() {
    return "KeywordsRecord{" + "source=" + source + ", " + "line=" + line + ", " + "movie_id=" + movieId + ", " + "keywords=" + keywords + "}";
  }
}
