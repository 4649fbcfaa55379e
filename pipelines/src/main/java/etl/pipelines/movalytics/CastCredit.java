package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A row of {@code s_movie_cast}: one cast credit. */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class CastCredit {
  public abstract long getMovieId();

  public abstract String getCreditId();

  public abstract long getPersonId();

  public abstract String getPersonName();

  public abstract @Nullable Integer getGender();

  public abstract @Nullable String getCharacter();

  public abstract @Nullable Integer getCastOrder();

  public static Builder builder() {
    return new AutoValue_CastCredit.Builder();
  }

  /** Builds a {@link CastCredit}; every field not marked nullable must be set. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setMovieId(long movieId);

    public abstract Builder setCreditId(String creditId);

    public abstract Builder setPersonId(long personId);

    public abstract Builder setPersonName(String personName);

    public abstract Builder setGender(@Nullable Integer gender);

    public abstract Builder setCharacter(@Nullable String character);

    public abstract Builder setCastOrder(@Nullable Integer castOrder);

    public abstract CastCredit build();
  }
}
