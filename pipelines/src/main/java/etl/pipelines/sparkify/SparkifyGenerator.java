package etl.pipelines.sparkify;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes Sparkify inputs in the real layouts at a scale factor (SF 1 = 14,896 song files, 8,056
 * events over November 2018 in one log per day), deterministic for a seed and streaming. Songs go
 * one JSON object per file under {@code song_data/A/B/C/}; about a third have year 0 and some a
 * location written as an HTML link, as the real data does. About 85 % of events are NextSong, some
 * of them of generated songs (so a share of plays matches), the rest of unknown titles; logged-out
 * events have an empty userId. Invalid JSON lines are injected at {@code defectRate} per event and
 * counted ({@code invalid_json}).
 */
public final class SparkifyGenerator {
  static final int SONGS_SF1 = 14_896;
  static final int EVENTS_SF1 = 8_056;

  private static final String SONG_FORMAT =
      "{\"artist_id\":\"AR%016d\",\"artist_latitude\":%s,\"artist_location\":\"%s\","
          + "\"artist_name\":\"Artist %d\",\"duration\":%.5f,\"num_songs\":1,"
          + "\"song_id\":\"SO%016d\",\"title\":\"Song %d\",\"year\":%d}";
  private static final String LOGGED_OUT_FORMAT =
      "{\"artist\":null,\"auth\":\"Logged Out\",\"firstName\":null,\"gender\":null,"
          + "\"itemInSession\":%d,\"lastName\":null,\"length\":null,\"level\":\"free\","
          + "\"location\":null,\"method\":\"GET\",\"page\":\"Home\",\"registration\":null,"
          + "\"sessionId\":%d,\"song\":null,\"status\":200,\"ts\":%d,\"userAgent\":null,"
          + "\"userId\":\"\"}\n";
  private static final String LOGGED_IN_FORMAT =
      "\"auth\":\"Logged In\",\"firstName\":\"First%d\",\"gender\":\"%s\",\"itemInSession\":%d,"
          + "\"lastName\":\"Last%d\",\"level\":\"%s\",\"location\":\"Town %d, ST\","
          + "\"registration\":1540919166796.0,\"sessionId\":%d,\"status\":200,\"ts\":%d,"
          + "\"userAgent\":\"\\\"Mozilla\\/5.0 (X11; Linux x86_64)\\\"\",\"userId\":\"%d\"";
  private static final String NEXT_SONG_FORMAT =
      "{\"artist\":\"%s\",%s,\"length\":%.5f,\"method\":\"PUT\",\"page\":\"NextSong\","
          + "\"song\":\"%s\"}\n";

  private SparkifyGenerator() {}

  public static Map<String, Long> generate(
      Path dir, double scaleFactor, long seed, double defectRate) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int songs = Math.max(5, (int) Math.round(SONGS_SF1 * scaleFactor));
    int events = Math.max(30, (int) Math.round(EVENTS_SF1 * scaleFactor));
    int artists = Math.max(2, songs * 2 / 3);
    int users = Math.max(5, (int) Math.round(97 * Math.max(1, scaleFactor)));
    for (int i = 0; i < songs; i++) {
      writeSong(dir, i, i % artists, r);
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("songs", (long) songs);
    expected.put("events", (long) events);
    expected.putAll(new EventLog(r, songs, artists, users, defectRate).write(dir, events));
    return expected;
  }

  /** Song {@code i} as its own JSON file under {@code song_data/A/B/C/}. */
  private static void writeSong(Path dir, int i, int artist, SplittableRandom r)
      throws IOException {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    String track =
        String.format(
            Locale.ROOT,
            "TR%c%c%c%013d",
            alphabet.charAt(i % 26),
            alphabet.charAt((i / 26) % 26),
            alphabet.charAt((i / 676) % 26),
            i);
    Path file =
        dir.resolve("song_data")
            .resolve(track.substring(2, 3))
            .resolve(track.substring(3, 4))
            .resolve(track.substring(4, 5))
            .resolve(track + ".json");
    Files.createDirectories(file.getParent());
    boolean located = r.nextDouble() < 0.35;
    String location =
        !located
            ? ""
            : i % 40 == 0
                ? "<a href=\\\"http://artist"
                    + artist
                    + ".example\\\" target=\\\"_blank\\\">http://artist"
                    + artist
                    + ".example</a>"
                : "City " + (artist % 50);
    String coords =
        located && r.nextBoolean()
            ? String.format(
                Locale.ROOT,
                "%.5f,\"artist_longitude\":%.5f",
                -60 + r.nextDouble() * 120,
                -170 + r.nextDouble() * 340)
            : "null,\"artist_longitude\":null";
    Files.writeString(
        file,
        String.format(
            Locale.ROOT,
            SONG_FORMAT,
            artist,
            coords,
            location,
            artist,
            duration(i),
            i,
            i,
            r.nextDouble() < 0.32 ? 0 : 1950 + r.nextInt(61)),
        StandardCharsets.UTF_8);
  }

  /**
   * The event logs, one file per day of November 2018, written in one pass that carries the
   * session, the item within it and the clock from event to event.
   */
  private static final class EventLog {
    private final SplittableRandom r;
    private final int songs;
    private final int artists;
    private final int users;
    private final double defectRate;
    private long invalid = 0;
    private long nextSongs = 0;
    private int session = 1;
    private int item;
    private long ts;

    EventLog(SplittableRandom r, int songs, int artists, int users, double defectRate) {
      this.r = r;
      this.songs = songs;
      this.artists = artists;
      this.users = users;
      this.defectRate = defectRate;
    }

    /** Writes {@code events} events; returns the NextSong and invalid JSON counts. */
    Map<String, Long> write(Path dir, int events) throws IOException {
      int perDay = Math.max(1, events / 30);
      int written = 0;
      for (int day = 1; day <= 30; day++) {
        LocalDate date = LocalDate.of(2018, 11, day);
        Path file = dir.resolve("log_data/2018/11/" + date + "-events.json");
        Files.createDirectories(file.getParent());
        int today = day == 30 ? events - written : Math.min(perDay, events - written);
        ts = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 3_600_000L;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          item = 0;
          for (int e = 0; e < today; e++, written++) {
            w.write(event(day));
          }
        }
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("next_song_events", nextSongs);
      counts.put("invalid_json", invalid);
      return counts;
    }

    /** The next event as a line: broken JSON, logged out, a NextSong or a Home page view. */
    private String event(int day) {
      if (item > 20 || r.nextDouble() < 0.1) {
        session++;
        item = 0;
      }
      ts += 1_000 + r.nextInt(240_000);
      if (r.nextDouble() < defectRate) {
        invalid++;
        return "{\"artist\":\"Broken\",\"auth\":\"Logged In\",\"ts\":" + ts + ",\n";
      }
      boolean loggedOut = r.nextDouble() < 0.035;
      int user = 1 + r.nextInt(users);
      String level = (user % 5 == 0) == (day > 15) ? "paid" : "free";
      if (loggedOut) {
        return String.format(Locale.ROOT, LOGGED_OUT_FORMAT, item++, session, ts);
      }
      String user0 =
          String.format(
              Locale.ROOT,
              LOGGED_IN_FORMAT,
              user,
              user % 2 == 0 ? "F" : "M",
              item++,
              user,
              level,
              user % 63,
              session,
              ts,
              user);
      if (r.nextDouble() < 0.85) {
        nextSongs++;
        int song = r.nextInt(songs);
        boolean known = r.nextDouble() < 0.3;
        String title = known ? "Song " + song : "Unknown Song " + r.nextInt(1_000_000);
        String artist =
            known || r.nextDouble() < 0.6
                ? "Artist " + (song % artists)
                : "Unknown Artist " + r.nextInt(1000);
        return String.format(Locale.ROOT, NEXT_SONG_FORMAT, artist, user0, duration(song), title);
      }
      return "{\"artist\":null,"
          + user0
          + ",\"length\":null,\"method\":\"GET\",\"page\":\"Home\",\"song\":null}\n";
    }
  }

  private static double duration(int song) {
    return 120 + (song * 7919 % 24000) / 100.0;
  }
}
