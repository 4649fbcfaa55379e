package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import etl.transforms.record.Origin;
import java.math.BigDecimal;
import java.util.List;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One record of movies_metadata.csv, typed; also a row of {@code s_movie} (without its genres). The
 * CPI fields are filled by {@link AdjustRevenueForCpi}.
 */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class MovieRecord extends ValueObject implements Origin {
  public final String source;
  public final long line;
  public final long movieId;
  public final @Nullable String imdbId;
  public final @Nullable String title;
  public final @Nullable String originalTitle;
  public final @Nullable String originalLanguage;
  public final @Nullable Boolean isAdult;
  public final @Nullable Long budget;
  public final @Nullable Long revenue;
  public final @Nullable BigDecimal popularity;
  public final @Nullable Long voteCount;
  public final @Nullable BigDecimal voteAverage;
  public final @Nullable BigDecimal runtime;
  public final @Nullable Instant releaseDate;
  public final List<Genre> genres;
  public final @Nullable BigDecimal revenueCpiAdjusted;
  public final @Nullable Instant cpiBaseMonth;

  @SchemaCreate
  public MovieRecord(
      String source,
      long line,
      long movieId,
      @Nullable String imdbId,
      @Nullable String title,
      @Nullable String originalTitle,
      @Nullable String originalLanguage,
      @Nullable Boolean isAdult,
      @Nullable Long budget,
      @Nullable Long revenue,
      @Nullable BigDecimal popularity,
      @Nullable Long voteCount,
      @Nullable BigDecimal voteAverage,
      @Nullable BigDecimal runtime,
      @Nullable Instant releaseDate,
      List<Genre> genres,
      @Nullable BigDecimal revenueCpiAdjusted,
      @Nullable Instant cpiBaseMonth) {
    this.source = source;
    this.line = line;
    this.movieId = movieId;
    this.imdbId = imdbId;
    this.title = title;
    this.originalTitle = originalTitle;
    this.originalLanguage = originalLanguage;
    this.isAdult = isAdult;
    this.budget = budget;
    this.revenue = revenue;
    this.popularity = popularity;
    this.voteCount = voteCount;
    this.voteAverage = voteAverage;
    this.runtime = runtime;
    this.releaseDate = releaseDate;
    this.genres = genres;
    this.revenueCpiAdjusted = revenueCpiAdjusted;
    this.cpiBaseMonth = cpiBaseMonth;
  }

  @Override
  public String originSource() {
    return source;
  }

  @Override
  public long originPosition() {
    return line;
  }
}
