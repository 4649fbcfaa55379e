package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import etl.transforms.record.Origin;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One line of ratings.csv, typed; a row of {@code s_rating} once {@code movieId} (MovieLens) is
 * resolved to the TMDB {@code movie_id}.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class Rating implements Origin {
  public abstract String getSource();

  public abstract long getLine();

  public abstract long getUserId();

  public abstract long getMovielensId();

  public abstract @Nullable Long getMovieId();

  public abstract BigDecimal getRating();

  public abstract Instant getRatedAt();

  public static Builder builder() {
    return new AutoValue_Rating.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds a {@link Rating}; every field not marked nullable must be set. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSource(String source);

    public abstract Builder setLine(long line);

    public abstract Builder setUserId(long userId);

    public abstract Builder setMovielensId(long movielensId);

    public abstract Builder setMovieId(@Nullable Long movieId);

    public abstract Builder setRating(BigDecimal rating);

    public abstract Builder setRatedAt(Instant ratedAt);

    public abstract Rating build();
  }
}
