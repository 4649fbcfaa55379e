package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A row of {@code s_movie_crew}: one crew credit. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class CrewCredit extends ValueObject {
  public final long movieId;
  public final String creditId;
  public final long personId;
  public final String personName;
  public final @Nullable Integer gender;
  public final @Nullable String department;
  public final @Nullable String job;

  @SchemaCreate
  public CrewCredit(
      long movieId,
      String creditId,
      long personId,
      String personName,
      @Nullable Integer gender,
      @Nullable String department,
      @Nullable String job) {
    this.movieId = movieId;
    this.creditId = creditId;
    this.personId = personId;
    this.personName = personName;
    this.gender = gender;
    this.department = department;
    this.job = job;
  }
}
