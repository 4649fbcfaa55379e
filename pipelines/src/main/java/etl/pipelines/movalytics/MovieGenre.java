package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** A row of {@code s_movie_genre}: one genre of one movie, in the order listed. */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class MovieGenre {
  public abstract long getMovieId();

  public abstract long getGenreId();

  public abstract String getGenreName();

  public abstract int getPosition();

  public static MovieGenre create(long movieId, long genreId, String genreName, int position) {
    return new AutoValue_MovieGenre(movieId, genreId, genreName, position);
  }
}
