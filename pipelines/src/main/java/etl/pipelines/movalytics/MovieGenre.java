package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** A row of {@code s_movie_genre}: one genre of one movie, in the order listed. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class MovieGenre extends ValueObject {
  public final long movieId;
  public final long genreId;
  public final String genreName;
  public final int position;

  @SchemaCreate
  public MovieGenre(long movieId, long genreId, String genreName, int position) {
    this.movieId = movieId;
    this.genreId = genreId;
    this.genreName = genreName;
    this.position = position;
  }
}
