package etl.pipelines.movalytics;

import etl.transforms.io.Origin;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** One record of credits.csv: a movie's cast and crew. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class CreditsRecord implements Origin {
  public final String source;
  public final long line;
  public final long movieId;
  public final List<CastCredit> cast;
  public final List<CrewCredit> crew;

  @SchemaCreate
  public CreditsRecord(
      String source,
      long line,
      long movieId,
      List<CastCredit> cast,
      List<CrewCredit> crew) {
    this.source = source;
    this.line = line;
    this.movieId = movieId;
    this.cast = cast;
    this.crew = crew;
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
    if (!(o instanceof CreditsRecord)) {
      return false;
    }
    CreditsRecord that = (CreditsRecord) o;
    return Objects.equals(source, that.source)
        && Objects.equals(line, that.line)
        && Objects.equals(movieId, that.movieId)
        && Objects.equals(cast, that.cast)
        && Objects.equals(crew, that.crew);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, movieId, cast, crew);
  }

  @Override
  public String toString() {
    return "CreditsRecord{" + "source=" + source + ", " + "line=" + line + ", " + "movie_id=" + movieId + ", " + "cast=" + cast + ", " + "crew=" + crew + "}";
  }
}
