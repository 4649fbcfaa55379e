package etl.pipelines.movalytics;

import etl.transforms.parse.CsvFields;
import etl.transforms.parse.PythonLiteral;
import etl.transforms.parse.RecordParser;
import etl.transforms.parse.Rejected;
import etl.transforms.record.SourceRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.joda.time.Instant;

/**
 * Parses one record of the Kaggle {@code movies_metadata.csv} (24 columns) into a {@link
 * MovieRecord}.
 *
 * <p>Rules: {@code id} is the TMDB id and must be a whole number — a date there means the row's
 * columns are shifted ({@code shifted_row}); {@code budget} and {@code revenue} of 0 mean unknown
 * (null); an empty {@code release_date} is null, another non-date is {@code invalid_date}; {@code
 * genres} is a Python literal list of {@code {'id', 'name'}} dicts ({@code invalid_literal} when it
 * does not parse). Numbers out of range are {@code out_of_range}.
 */
public final class MovieParser implements RecordParser<MovieRecord> {
  private static final long serialVersionUID = 1L;
  static final List<String> COLUMNS =
      List.of(
          "adult",
          "belongs_to_collection",
          "budget",
          "genres",
          "homepage",
          "id",
          "imdb_id",
          "original_language",
          "original_title",
          "overview",
          "popularity",
          "poster_path",
          "production_companies",
          "production_countries",
          "release_date",
          "revenue",
          "runtime",
          "spoken_languages",
          "status",
          "tagline",
          "title",
          "video",
          "vote_average",
          "vote_count");
  static final String HEADER = String.join(",", COLUMNS);
  private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final int TEXT = 1024;

  @Override
  public MovieRecord parse(SourceRecord record) throws Rejected {
    CsvFields f = CsvFields.parse(record.getText(), COLUMNS);
    String id = f.optionalText("id", 64);
    if (id != null && DATE_LIKE.matcher(id.strip()).matches()) {
      throw new Rejected(
          "shifted_row", "id holds the date " + id + ": the row's columns are shifted");
    }
    long movieId = f.requiredLong("id");
    if (movieId <= 0) {
      throw new Rejected("out_of_range", "id must be positive, found " + movieId);
    }
    Long budget = knownAmount(f.optionalLong("budget"), "budget");
    Long revenue = knownAmount(revenue(f), "revenue");
    LocalDate released = f.optionalDate("release_date");
    // The order of the checks below decides the reason of a record with several bad fields.
    return MovieRecord.builder()
        .setSource(record.getSource())
        .setLine(record.getPosition())
        .setMovieId(movieId)
        .setImdbId(f.optionalText("imdb_id", 16))
        .setTitle(f.optionalText("title", TEXT))
        .setOriginalTitle(f.optionalText("original_title", TEXT))
        .setOriginalLanguage(f.optionalText("original_language", 16))
        .setIsAdult(f.optionalBoolean("adult"))
        .setBudget(budget)
        .setRevenue(revenue)
        .setPopularity(f.optionalDecimal("popularity", 6, 0, 1e7))
        .setVoteCount(f.optionalLong("vote_count"))
        .setVoteAverage(f.optionalDecimal("vote_average", 1, 0, 10))
        .setRuntime(f.optionalDecimal("runtime", 1, 0, 100_000))
        .setReleaseDate(
            released == null
                ? null
                : new Instant(released.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()))
        .setGenres(genres(f.optionalText("genres", 100_000)))
        .setRevenueCpiAdjusted(null)
        .setCpiBaseMonth(null)
        .build();
  }

  /** revenue is written as an integer or a float (e.g. 12345.0). */
  private static Long revenue(CsvFields f) throws Rejected {
    java.math.BigDecimal d = f.optionalDecimal("revenue", 0, 0, 1e13);
    return d == null ? null : d.longValueExact();
  }

  private static Long knownAmount(Long amount, String column) throws Rejected {
    if (amount == null || amount == 0) {
      return null;
    }
    if (amount < 0) {
      throw new Rejected("out_of_range", column + " must not be negative, found " + amount);
    }
    return amount;
  }

  static List<Genre> genres(String cell) throws Rejected {
    List<Genre> genres = new ArrayList<>();
    if (cell == null) {
      return genres;
    }
    for (Map<String, Object> g : PythonLiteral.parseListOfDicts(cell)) {
      Object id = g.get("id");
      Object name = g.get("name");
      if (!(id instanceof Long) || !(name instanceof String)) {
        throw new Rejected("invalid_literal", "a genre needs an integer id and a name: " + g);
      }
      genres.add(Genre.create((Long) id, (String) name));
    }
    return genres;
  }
}
