package etl.pipelines.movalytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The per-movie detail files of {@link MovalyticsGenerator}: credits (cast and director) and
 * keywords, one row per movie keyed by its TMDB id, each with its own random stream.
 */
final class MovieDetailsGenerator {
  private MovieDetailsGenerator() {}

  static void writeCredits(Path file, int movies, SplittableRandom r) throws IOException {
    try (BufferedWriter w = MovalyticsGenerator.open(file)) {
      w.write("cast,crew,id\n");
      for (int i = 1; i <= movies; i++) {
        StringBuilder cast = new StringBuilder("[");
        int n = 1 + r.nextInt(5);
        for (int c = 0; c < n; c++) {
          int person = 1 + r.nextInt(Math.max(10, movies * 3));
          cast.append(c > 0 ? ", " : "")
              .append("{'cast_id': ")
              .append(c + 1)
              .append(", 'character': \"Role ")
              .append(c)
              .append("'s part\", 'credit_id': 'ca")
              .append(i)
              .append('x')
              .append(c)
              .append("', 'gender': ")
              .append(r.nextInt(3))
              .append(", 'id': ")
              .append(person)
              .append(", 'name': 'Person ")
              .append(person)
              .append("', 'order': ")
              .append(c)
              .append(", 'profile_path': None}");
        }
        cast.append(']');
        int director = 1 + r.nextInt(Math.max(10, movies / 2));
        String crew =
            "[{'credit_id': 'cr"
                + i
                + "', 'department': 'Directing', 'gender': 2, 'id': "
                + (1_000_000 + director)
                + ", 'job': 'Director', 'name': 'Director "
                + director
                + "', 'profile_path': None}]";
        w.write(
            "\""
                + cast.toString().replace("\"", "\"\"")
                + "\",\""
                + crew
                + "\","
                + MovalyticsGenerator.tmdbId(i)
                + "\n");
      }
    }
  }

  static void writeKeywords(Path file, int movies, SplittableRandom r) throws IOException {
    try (BufferedWriter w = MovalyticsGenerator.open(file)) {
      w.write("id,keywords\n");
      for (int i = 1; i <= movies; i++) {
        StringBuilder k = new StringBuilder("[");
        int n = r.nextInt(5);
        for (int j = 0; j < n; j++) {
          int kw = 1 + r.nextInt(Math.max(20, movies / 4));
          k.append(j > 0 ? ", " : "")
              .append("{'id': ")
              .append(kw)
              .append(", 'name': 'keyword ")
              .append(kw)
              .append("'}");
        }
        w.write(MovalyticsGenerator.tmdbId(i) + ",\"" + k.append(']') + "\"\n");
      }
    }
  }
}
