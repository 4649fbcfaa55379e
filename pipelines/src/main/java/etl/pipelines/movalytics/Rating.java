package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import etl.transforms.record.Origin;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One line of ratings.csv, typed; a row of {@code s_rating} once {@code movieId} (MovieLens) is
 * resolved to the TMDB {@code movie_id}.
 */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class Rating extends ValueObject implements Origin {
  public final String source;
  public final long line;
  public final long userId;
  public final long movielensId;
  public final @Nullable Long movieId;
  public final BigDecimal rating;
  public final Instant ratedAt;

  @SchemaCreate
  public Rating(
      String source,
      long line,
      long userId,
      long movielensId,
      @Nullable Long movieId,
      BigDecimal rating,
      Instant ratedAt) {
    this.source = source;
    this.line = line;
    this.userId = userId;
    this.movielensId = movielensId;
    this.movieId = movieId;
    this.rating = rating;
    this.ratedAt = ratedAt;
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
