package etl.pipelines.movalytics;

import etl.transforms.io.Origin;
import java.math.BigDecimal;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** One line of ratings.csv, typed; a row of {@code s_rating} once {@code movieId} (MovieLens) is resolved to the TMDB {@code movie_id}. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class Rating implements Origin {
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

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Rating)) {
      return false;
    }
    Rating that = (Rating) o;
    return Objects.equals(source, that.source)
        && Objects.equals(line, that.line)
        && Objects.equals(userId, that.userId)
        && Objects.equals(movielensId, that.movielensId)
        && Objects.equals(movieId, that.movieId)
        && Objects.equals(rating, that.rating)
        && Objects.equals(ratedAt, that.ratedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, userId, movielensId, movieId, rating, ratedAt);
  }

  @Override
  public String toString() {
    return "Rating{" + "source=" + source + ", " + "line=" + line + ", " + "user_id=" + userId + ", " + "movielens_id=" + movielensId + ", " + "movie_id=" + movieId + ", " + "rating=" + rating + ", " + "rated_at=" + ratedAt + "}";
  }
}
