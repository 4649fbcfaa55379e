package etl.pipelines.sparkify;

import etl.pipelines.core.Answer;
import etl.pipelines.core.Chart;
import etl.pipelines.core.JobContext;
import etl.pipelines.core.Join;
import etl.pipelines.core.Source;
import etl.pipelines.core.WarehouseJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;

/**
 * The Sparkify song-play warehouse: song files and event logs are parsed in Beam into the staging
 * tables {@code s_song} and {@code s_songplay_event}; the star schema is built from staging by the
 * MERGE file in each table's folder {@code sql/sparkify/tables/<table>/}, in the order of {@link
 * #finalTables()}.
 *
 * <p>Why the dimensions are derived in SQL rather than in Beam: matching a play to a song needs the
 * whole song catalogue, and with incremental loads the catalogue lives in the warehouse ({@code
 * d_song}), not in the files of the current run.
 */
public final class SparkifyJob implements WarehouseJob<SparkifyOptions> {
  /** One JSON object per song file; read only the files new or changed since the last load. */
  static final Source<SparkifyOptions, Song> SONGS =
      Source.<SparkifyOptions, Song>builder()
          .setName("song files")
          .setInputName("song files")
          .setStep("Songs")
          .setFile("song_data/**/*.json")
          .setOption(SparkifyOptions::getSongs)
          .setFormat(Source.Format.WHOLE_FILE)
          .setParser(new SongParser())
          .setType(Song.class)
          .setIncremental(true)
          .setStagedIn("s_song")
          .build();

  /** JSON lines, one event each; read only the logs new or changed since the last load. */
  static final Source<SparkifyOptions, SongplayEvent> EVENTS =
      Source.<SparkifyOptions, SongplayEvent>builder()
          .setName("events")
          .setInputName("event logs")
          .setStep("Events")
          .setFile("log_data/**/*.json")
          .setOption(SparkifyOptions::getEvents)
          .setParser(new EventParser())
          .setType(SongplayEvent.class)
          .setIncremental(true)
          .setStagedIn("s_songplay_event")
          .build();

  public static final String NAME = "sparkify";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Class<SparkifyOptions> optionsClass() {
    return SparkifyOptions.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "Load the Sparkify song-play warehouse.",
        "Reads song files (song_data/**/*.json) and event logs (log_data/**/*.json) under --input:",
        "only the files new or changed since the last load (--full-refresh: all).");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "warehouse-etl sparkify --input=pipelines/samples/sparkify",
        "warehouse-etl sparkify --input=s3://bucket/sparkify --awsRegion=us-west-2 \\",
        "    --jdbcUrl=jdbc:postgresql://db:5432/dw --dbUser=etl --summaryJson=run.json",
        "warehouse-etl sparkify --input=data --full-refresh --runner=SparkRunner"
            + " --sparkMaster=local[2]");
  }

  @Override
  public Map<String, Long> generate(Path dir, double scaleFactor, long seed, double defectRate)
      throws IOException {
    return SparkifyGenerator.generate(dir, scaleFactor, seed, defectRate);
  }

  @Override
  public List<String> stagingTables() {
    return List.of("s_song", "s_songplay_event");
  }

  @Override
  public List<String> finalTables() {
    return List.of("d_artist", "d_song", "d_user", "d_time", "f_songplay");
  }

  @Override
  public Map<String, String> summaryQueries() {
    return Map.of("Match rates (NextSong events of this run)", "summary/match_rates.sql");
  }

  @Override
  public List<Answer> answers() {
    return List.of(
        new Answer(
            "1_plays_by_hour",
            "1. Song plays by hour of day (UTC)",
            "answers/1_plays_by_hour.sql",
            "answers/plays_coverage.sql"),
        new Answer(
            "2_plays_by_weekday",
            "2. Song plays by weekday (UTC)",
            "answers/2_plays_by_weekday.sql",
            "answers/plays_coverage.sql"),
        new Answer(
            "3_top_artists",
            "3. The most played artists",
            "answers/3_top_artists.sql",
            "answers/matched_plays_coverage.sql"),
        new Answer(
            "4_top_songs",
            "4. The most played songs",
            "answers/4_top_songs.sql",
            "answers/matched_plays_coverage.sql"),
        new Answer(
            "5_free_and_paid_users_by_location",
            "5. Free and paid users by location (top 10 locations)",
            "answers/5_free_and_paid_users_by_location.sql",
            "answers/located_plays_coverage.sql"));
  }

  @Override
  public List<Chart> charts() {
    return List.of(
        new Chart("1_plays_by_hour", "hour", List.of("plays"), "Plays", 24),
        Chart.bars("2_plays_by_weekday", "weekday", "Plays", "plays"),
        Chart.bars("3_top_artists", "artist", "Plays", "plays"),
        Chart.bars("4_top_songs", "song", "Plays", "plays"),
        Chart.bars(
            "5_free_and_paid_users_by_location", "location", "Users", "free_users", "paid_users"));
  }

  @Override
  public List<Source<SparkifyOptions, ?>> sources() {
    return List.of(SONGS, EVENTS);
  }

  @Override
  public List<PCollection<?>> expand(Pipeline p, SparkifyOptions options, JobContext ctx) {
    return List.of(
        ctx.load(p, options, SONGS, Join.none()), ctx.load(p, options, EVENTS, Join.none()));
  }
}
