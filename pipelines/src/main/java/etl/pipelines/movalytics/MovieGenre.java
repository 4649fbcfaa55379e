package etl.pipelines.movalytics;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** A row of {@code s_movie_genre}: one genre of one movie, in the order listed. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class MovieGenre {
  public final long movieId;
  public final long genreId;
  public final String genreName;
  public final int position;

  @SchemaCreate
  public MovieGenre(
      long movieId,
      long genreId,
      String genreName,
      int position) {
    this.movieId = movieId;
    this.genreId = genreId;
    this.genreName = genreName;
    this.position = position;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MovieGenre)) {
      return false;
    }
    MovieGenre that = (MovieGenre) o;
    return Objects.equals(movieId, that.movieId)
        && Objects.equals(genreId, that.genreId)
        && Objects.equals(genreName, that.genreName)
        && Objects.equals(position, that.position);
  }

  @Override
  public int hashCode() {
    return Objects.hash(movieId, genreId, genreName, position);
  }

  @Override
  public String toString() {
    return "MovieGenre{" + "movie_id=" + movieId + ", " + "genre_id=" + genreId + ", " + "genre_name=" + genreName + ", " + "position=" + position + "}";
  }
}
