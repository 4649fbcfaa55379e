package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** A genre as listed in a movie's {@code genres} cell. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class Genre extends ValueObject {
  public final long genreId;
  public final String name;

  @SchemaCreate
  public Genre(long genreId, String name) {
    this.genreId = genreId;
    this.name = name;
  }
}
