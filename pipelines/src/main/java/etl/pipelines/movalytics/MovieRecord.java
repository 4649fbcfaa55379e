package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import etl.transforms.record.Origin;
import java.math.BigDecimal;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One record of movies_metadata.csv, typed; also a row of {@code s_movie} (without its genres). The
 * CPI fields are filled by {@link AdjustRevenueForCpi}. The flag's getter is {@code getIsAdult}:
 * Beam names an {@code isX()} getter {@code x}, and the column is {@code is_adult}.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class MovieRecord implements Origin {
  public abstract String getSource();

  public abstract long getLine();

  public abstract long getMovieId();

  public abstract @Nullable String getImdbId();

  public abstract @Nullable String getTitle();

  public abstract @Nullable String getOriginalTitle();

  public abstract @Nullable String getOriginalLanguage();

  public abstract @Nullable Boolean getIsAdult();

  public abstract @Nullable Long getBudget();

  public abstract @Nullable Long getRevenue();

  public abstract @Nullable BigDecimal getPopularity();

  public abstract @Nullable Long getVoteCount();

  public abstract @Nullable BigDecimal getVoteAverage();

  public abstract @Nullable BigDecimal getRuntime();

  public abstract @Nullable Instant getReleaseDate();

  public abstract List<Genre> getGenres();

  public abstract @Nullable BigDecimal getRevenueCpiAdjusted();

  public abstract @Nullable Instant getCpiBaseMonth();

  public static Builder builder() {
    return new AutoValue_MovieRecord.Builder();
  }

  public abstract Builder toBuilder();

  /** Builds a {@link MovieRecord}; every field not marked nullable must be set. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSource(String source);

    public abstract Builder setLine(long line);

    public abstract Builder setMovieId(long movieId);

    public abstract Builder setImdbId(@Nullable String imdbId);

    public abstract Builder setTitle(@Nullable String title);

    public abstract Builder setOriginalTitle(@Nullable String originalTitle);

    public abstract Builder setOriginalLanguage(@Nullable String originalLanguage);

    public abstract Builder setIsAdult(@Nullable Boolean isAdult);

    public abstract Builder setBudget(@Nullable Long budget);

    public abstract Builder setRevenue(@Nullable Long revenue);

    public abstract Builder setPopularity(@Nullable BigDecimal popularity);

    public abstract Builder setVoteCount(@Nullable Long voteCount);

    public abstract Builder setVoteAverage(@Nullable BigDecimal voteAverage);

    public abstract Builder setRuntime(@Nullable BigDecimal runtime);

    public abstract Builder setReleaseDate(@Nullable Instant releaseDate);

    public abstract Builder setGenres(List<Genre> genres);

    public abstract Builder setRevenueCpiAdjusted(@Nullable BigDecimal revenueCpiAdjusted);

    public abstract Builder setCpiBaseMonth(@Nullable Instant cpiBaseMonth);

    public abstract MovieRecord build();
  }
}
