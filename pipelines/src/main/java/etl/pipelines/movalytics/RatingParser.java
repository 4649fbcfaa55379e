package etl.pipelines.movalytics;

import etl.transforms.parse.CsvFields;
import etl.transforms.parse.RecordParser;
import etl.transforms.parse.Rejected;
import etl.transforms.record.SourceRecord;
import java.math.BigDecimal;
import java.util.List;
import org.joda.time.Instant;

/**
 * Parses one line of {@code ratings.csv} ({@code userId,movieId,rating,timestamp}). Ratings are 0.5
 * to 5.0 in steps of 0.5 and timestamps (Unix seconds) fall in 1990–2100, else {@code
 * out_of_range}. The MovieLens {@code movieId} is resolved to a TMDB id later, by {@link
 * ResolveRatedMovies}.
 */
public final class RatingParser implements RecordParser<Rating> {
  private static final long serialVersionUID = 1L;
  static final List<String> COLUMNS = List.of("userId", "movieId", "rating", "timestamp");
  static final String HEADER = String.join(",", COLUMNS);
  private static final long MIN_SECONDS = 631_152_000L; // 1990-01-01
  private static final long MAX_SECONDS = 4_102_444_800L; // 2100-01-01
  private static final BigDecimal HALF = new BigDecimal("0.5");

  @Override
  public Rating parse(SourceRecord record) throws Rejected {
    CsvFields f = CsvFields.parse(record.getText(), COLUMNS);
    long userId = f.requiredLong("userId");
    long movieId = f.requiredLong("movieId");
    BigDecimal rating = f.optionalDecimal("rating", 1, 0.5, 5.0);
    if (rating == null) {
      throw new Rejected("missing_field", "rating is empty");
    }
    if (rating.remainder(HALF).signum() != 0) {
      throw new Rejected("out_of_range", "rating " + rating + " is not a multiple of 0.5");
    }
    long seconds = f.requiredLong("timestamp");
    if (seconds < MIN_SECONDS || seconds >= MAX_SECONDS) {
      throw new Rejected("out_of_range", "timestamp " + seconds + " is outside 1990..2100");
    }
    if (userId <= 0 || movieId <= 0) {
      throw new Rejected("out_of_range", "userId and movieId must be positive");
    }
    return Rating.builder()
        .setSource(record.getSource())
        .setLine(record.getPosition())
        .setUserId(userId)
        .setMovielensId(movieId)
        .setMovieId(null)
        .setRating(rating)
        .setRatedAt(new Instant(seconds * 1000))
        .build();
  }
}
