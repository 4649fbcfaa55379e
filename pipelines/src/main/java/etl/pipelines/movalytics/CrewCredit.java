package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A row of {@code s_movie_crew}: one crew credit. */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class CrewCredit {
  public abstract long getMovieId();

  public abstract String getCreditId();

  public abstract long getPersonId();

  public abstract String getPersonName();

  public abstract @Nullable Integer getGender();

  public abstract @Nullable String getDepartment();

  public abstract @Nullable String getJob();

  public static Builder builder() {
    return new AutoValue_CrewCredit.Builder();
  }

  /** Builds a {@link CrewCredit}; every field not marked nullable must be set. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setMovieId(long movieId);

    public abstract Builder setCreditId(String creditId);

    public abstract Builder setPersonId(long personId);

    public abstract Builder setPersonName(String personName);

    public abstract Builder setGender(@Nullable Integer gender);

    public abstract Builder setDepartment(@Nullable String department);

    public abstract Builder setJob(@Nullable String job);

    public abstract CrewCredit build();
  }
}
