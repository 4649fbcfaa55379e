package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** A row of {@code s_movie_keyword}: one keyword of one movie. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class MovieKeyword extends ValueObject {
  public final long movieId;
  public final long keywordId;
  public final String keywordName;

  @SchemaCreate
  public MovieKeyword(long movieId, long keywordId, String keywordName) {
    this.movieId = movieId;
    this.keywordId = keywordId;
    this.keywordName = keywordName;
  }
}
