package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A row of {@code s_movie_cast}: one cast credit. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class CastCredit extends ValueObject {
  public final long movieId;
  public final String creditId;
  public final long personId;
  public final String personName;
  public final @Nullable Integer gender;
  public final @Nullable String character;
  public final @Nullable Integer castOrder;

  @SchemaCreate
  public CastCredit(
      long movieId,
      String creditId,
      long personId,
      String personName,
      @Nullable Integer gender,
      @Nullable String character,
      @Nullable Integer castOrder) {
    this.movieId = movieId;
    this.creditId = creditId;
    this.personId = personId;
    this.personName = personName;
    this.gender = gender;
    this.character = character;
    this.castOrder = castOrder;
  }
}
