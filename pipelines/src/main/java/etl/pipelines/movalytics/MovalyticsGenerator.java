package etl.pipelines.movalytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the Movalytics inputs in exactly the Kaggle formats at a scale factor (SF 1 = 45,466
 * movies, 26,024,289 ratings by 270,896 users), deterministic for a seed, streaming (memory does
 * not grow with the scale factor).
 *
 * <p>Distributions: movie popularity is long-tailed (a power law over movie ids); ratings are 0.5
 * to 5.0 in halves, skewed towards 3–4; release dates span 1916–2017, denser in recent decades;
 * about 60 % of movies have no revenue (0); a few links have no TMDB id. Defects are injected at
 * {@code defectRate} per record, every one counted in the returned map by the dead-letter reason
 * the pipeline must give it: {@code shifted_row} and {@code invalid_literal} in the metadata,
 * {@code wrong_type} and {@code out_of_range} in the ratings. Overviews regularly span lines.
 */
public final class MovalyticsGenerator {
  static final int MOVIES_SF1 = 45_466;
  static final long RATINGS_SF1 = 26_024_289L;
  static final int USERS_SF1 = 270_896;
  private static final String[] GENRES = {
    "Drama", "Comedy", "Thriller", "Romance", "Action", "Horror", "Crime", "Documentary",
        "Adventure",
    "Science Fiction", "Family", "Mystery", "Fantasy", "Animation", "Foreign", "Music", "History",
        "War",
    "Western", "TV Movie"
  };
  private static final int[] GENRE_IDS = {
    18, 35, 53, 10749, 28, 27, 80, 99, 12, 878, 10751, 9648, 14, 16, 10769, 10402, 36, 10752, 37,
    10770
  };

  private static final String MOVIES_HEADER =
      "adult,belongs_to_collection,budget,genres,homepage,id,imdb_id,original_language,"
          + "original_title,overview,popularity,poster_path,production_companies,"
          + "production_countries,release_date,revenue,runtime,spoken_languages,status,tagline,"
          + "title,video,vote_average,vote_count\r\n";

  private MovalyticsGenerator() {}

  /** Writes the six files into {@code dir}; returns the expected counts (records and defects). */
  public static Map<String, Long> generate(
      Path dir, double scaleFactor, long seed, double defectRate) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(seed);
    int movies = Math.max(10, (int) Math.round(MOVIES_SF1 * scaleFactor));
    long ratings = Math.max(10, Math.round(RATINGS_SF1 * scaleFactor));
    int users = Math.max(2, (int) Math.round(USERS_SF1 * scaleFactor));
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("movies", (long) movies);
    expected.put("ratings", ratings);
    writeMovies(dir.resolve("movies_metadata.csv"), movies, random.split(), defectRate, expected);
    writeLinks(dir.resolve("links.csv"), movies, random.split(), expected);
    writeRatings(
        dir.resolve("ratings.csv"), ratings, users, movies, random.split(), defectRate, expected);
    MovieDetailsGenerator.writeCredits(dir.resolve("credits.csv"), movies, random.split());
    MovieDetailsGenerator.writeKeywords(dir.resolve("keywords.csv"), movies, random.split());
    writeCpi(dir.resolve("consumer_price_index.csv"), random.split());
    return expected;
  }

  static BufferedWriter open(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  /** TMDB id of the i-th movie (1-based), so that ids are not simply the row numbers. */
  static long tmdbId(int i) {
    return 100L + i * 3L;
  }

  private static void writeMovies(
      Path file, int movies, SplittableRandom r, double defectRate, Map<String, Long> expected)
      throws IOException {
    long shifted = 0;
    long badLiteral = 0;
    try (BufferedWriter w = open(file)) {
      w.write(MOVIES_HEADER);
      for (int i = 1; i <= movies; i++) {
        long id = tmdbId(i);
        int year = 2017 - (int) Math.min(101, Math.floor(-Math.log(1 - r.nextDouble()) * 25));
        LocalDate released = LocalDate.of(year, 1 + r.nextInt(12), 1 + r.nextInt(28));
        boolean hasRevenue = r.nextDouble() < 0.4;
        long revenue = hasRevenue ? Math.round(Math.exp(14 + 2.2 * r.nextGaussian())) + 1 : 0;
        long budget = hasRevenue ? Math.max(1, revenue / (1 + r.nextInt(4))) : 0;
        String genreCell = genres(r);
        String idCell = Long.toString(id);
        if (r.nextDouble() < defectRate) {
          if (r.nextBoolean()) {
            idCell = released.toString(); // the id column holds a date: a shifted row
            shifted++;
          } else {
            genreCell = "[{'id': 18, 'name': 'Dra"; // cut-off literal
            badLiteral++;
          }
        }
        String overview = overview(i);
        int votes = (int) Math.floor(Math.exp(r.nextDouble() * 9)) - 1;
        w.write(
            String.format(
                Locale.ROOT,
                "False,,%d,\"%s\",,%s,tt%07d,en,Movie %d,%s,%.6f,/p%d.jpg,\"[{'name': 'Studio %d',"
                    + " 'id': %d}]\",\"[{'iso_3166_1': 'US', 'name': 'United States of"
                    + " America'}]\",%s,%d,%.1f,\"[{'iso_639_1': 'en', 'name':"
                    + " 'English'}]\",Released,,Movie %d,False,%.1f,%d\r\n",
                budget,
                genreCell,
                idCell,
                i,
                i,
                overview,
                r.nextDouble() * 50,
                i,
                i % 97,
                i % 97,
                released,
                revenue,
                60.0 + r.nextInt(120),
                i,
                votes == 0 ? 0.0 : 1 + r.nextInt(90) / 10.0,
                votes));
      }
    }
    expected.put("shifted_row", shifted);
    expected.put("invalid_literal", badLiteral);
  }

  /** Up to three genres as the Python-literal list the Kaggle file holds. */
  private static String genres(SplittableRandom r) {
    int genreCount = r.nextInt(4);
    StringBuilder genres = new StringBuilder("[");
    int firstGenre = r.nextInt(GENRES.length);
    for (int g = 0; g < genreCount; g++) {
      int k = (firstGenre + g * 7) % GENRES.length;
      genres
          .append(g > 0 ? ", " : "")
          .append("{'id': ")
          .append(GENRE_IDS[k])
          .append(", 'name': '")
          .append(GENRES[k])
          .append("'}");
    }
    return genres.append(']').toString();
  }

  /** A quoted overview; every seventh spans two lines and holds escaped quotes. */
  private static String overview(int i) {
    return i % 7 == 0
        ? "\"Movie " + i + " begins \"\"here\"\".\r\nIt ends on a second line.\""
        : "\"A generated movie, number " + i + ".\"";
  }

  private static void writeLinks(
      Path file, int movies, SplittableRandom r, Map<String, Long> expected) throws IOException {
    long noTmdb = 0;
    try (BufferedWriter w = open(file)) {
      w.write("movieId,imdbId,tmdbId\r\n");
      for (int i = 1; i <= movies; i++) {
        boolean missing = r.nextDouble() < 0.005;
        noTmdb += missing ? 1 : 0;
        w.write(
            i
                + ","
                + String.format(Locale.ROOT, "%07d", i)
                + ","
                + (missing ? "" : Long.toString(tmdbId(i)))
                + "\r\n");
      }
    }
    expected.put("links_without_tmdb_id", noTmdb);
  }

  /**
   * Ratings as MovieLens writes them: grouped by user in user order, each user's movies distinct
   * and in id order. User activity is long-tailed too (the first users rate the most). Memory is
   * one user's movies at a time.
   */
  private static void writeRatings(
      Path file,
      long ratings,
      int users,
      int movies,
      SplittableRandom r,
      double defectRate,
      Map<String, Long> expected)
      throws IOException {
    long wrongType = 0;
    long outOfRange = 0;
    long written = 0;
    double[] weights = {0.01, 0.02, 0.03, 0.05, 0.07, 0.2, 0.12, 0.26, 0.1, 0.14};
    // A user rates at most half the movies; tiny scale factors get more users to keep the total.
    int cap = Math.max(1, movies / 2);
    users = (int) Math.max(users, Math.min(Integer.MAX_VALUE, 2 * ((ratings + cap - 1) / cap)));
    long first = 820_454_400L; // 1996-01-01
    long last = 1_483_228_800L; // 2017-01-01
    try (BufferedWriter w = open(file)) {
      w.write("userId,movieId,rating,timestamp\r\n");
      for (int user = 1; user <= users && written < ratings; user++) {
        // Cumulative share of the first u users: (u / users)^0.6, so early users are the heavy
        // ones.
        long target = Math.round(ratings * Math.pow((double) user / users, 0.6));
        int count = (int) Math.min(cap, Math.max(0, (user == users ? ratings : target) - written));
        java.util.TreeSet<Integer> rated = new java.util.TreeSet<>();
        while (rated.size() < count) {
          // Long tail: movie k is rated with probability ~ 1/k^0.9.
          rated.add((int) Math.min(movies, Math.floor(Math.pow(movies + 1.0, r.nextDouble()))));
        }
        long ts = first + (long) (r.nextDouble() * (last - first));
        for (int movie : rated) {
          double u = r.nextDouble();
          int half = 0;
          while (half < 9 && (u -= weights[half]) > 0) {
            half++;
          }
          String rating = HALVES[half];
          if (r.nextDouble() < defectRate) {
            if (r.nextBoolean()) {
              rating = "n/a";
              wrongType++;
            } else {
              rating = "7.5";
              outOfRange++;
            }
          }
          ts = Math.min(last, ts + r.nextInt(86_400));
          w.write(user + "," + movie + "," + rating + "," + ts + "\r\n");
          written++;
        }
      }
    }
    expected.put("ratings", written);
    expected.put("wrong_type", wrongType);
    expected.put("out_of_range", outOfRange);
  }

  private static final String[] HALVES = {
    "0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5", "5.0"
  };

  private static void writeCpi(Path file, SplittableRandom r) throws IOException {
    try (BufferedWriter w = open(file)) {
      w.write("DATE,CUSR0000SS62031\n");
      double cpi = 102.7;
      for (LocalDate m = LocalDate.of(1999, 1, 1);
          !m.isAfter(LocalDate.of(2022, 4, 1));
          m = m.plusMonths(1)) {
        w.write(m + "," + String.format(Locale.ROOT, "%.3f", cpi) + "\n");
        cpi *= 1 + (0.0024 + (r.nextDouble() - 0.5) * 0.004);
      }
    }
  }
}
