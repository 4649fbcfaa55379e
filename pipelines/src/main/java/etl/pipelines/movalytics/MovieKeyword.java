package etl.pipelines.movalytics;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** A row of {@code s_movie_keyword}: one keyword of one movie. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class MovieKeyword {
  public final long movieId;
  public final long keywordId;
  public final String keywordName;

  @SchemaCreate
  public MovieKeyword(
      long movieId,
      long keywordId,
      String keywordName) {
    this.movieId = movieId;
    this.keywordId = keywordId;
    this.keywordName = keywordName;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MovieKeyword)) {
      return false;
    }
    MovieKeyword that = (MovieKeyword) o;
    return Objects.equals(movieId, that.movieId)
        && Objects.equals(keywordId, that.keywordId)
        && Objects.equals(keywordName, that.keywordName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(movieId, keywordId, keywordName);
  }

  @Override
  public String toString() {
    return "MovieKeyword{" + "movie_id=" + movieId + ", " + "keyword_id=" + keywordId + ", " + "keyword_name=" + keywordName + "}";
  }
}
