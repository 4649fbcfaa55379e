package etl.pipelines.sparkify;

import etl.pipelines.core.AccountedSource;
import etl.pipelines.core.Answer;
import etl.pipelines.core.Chart;
import etl.pipelines.core.Inputs;
import etl.pipelines.core.JobContext;
import etl.pipelines.core.WarehouseJob;
import etl.transforms.io.ReadFiles;
import etl.transforms.parse.ParseRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

  static String songs(SparkifyOptions o) {
    return o.getSongs() != null
        ? Inputs.absolute(o.getSongs())
        : Inputs.under(o.getInput(), "song_data/**/*.json");
  }

  static String events(SparkifyOptions o) {
    return o.getEvents() != null
        ? Inputs.absolute(o.getEvents())
        : Inputs.under(o.getInput(), "log_data/**/*.json");
  }

  @Override
  public Map<String, String> requiredInputs(SparkifyOptions options) {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("song files", songs(options));
    inputs.put("event logs", events(options));
    return inputs;
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
  public List<AccountedSource> sources(SparkifyOptions options) {
    return List.of(
        AccountedSource.of(
            "song files",
            "ReadSongs",
            List.of("ParseSongs"),
            new AccountedSource.Staged("s_song", List.of("source"))),
        AccountedSource.of(
            "events",
            "ReadEvents",
            List.of("ParseEvents"),
            new AccountedSource.Staged("s_songplay_event", List.of("source", "line"))));
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
  public List<PCollection<?>> expand(Pipeline p, SparkifyOptions options, JobContext ctx) {
    PCollection<Song> songs =
        ctx.keepGood(
            ctx.keepGood(
                    p.apply(
                        ctx.incremental(ReadFiles.wholeFiles(songs(options)).named("ReadSongs"))))
                .apply(ParseRecords.with(new SongParser(), Song.class).named("ParseSongs")));
    PCollection<SongplayEvent> events =
        ctx.keepGood(
            ctx.keepGood(
                    p.apply(ctx.incremental(ReadFiles.lines(events(options)).named("ReadEvents"))))
                .apply(
                    ParseRecords.with(new EventParser(), SongplayEvent.class)
                        .named("ParseEvents")));
    return List.of(
        songs.apply("StageSongs", ctx.<Song>stage("s_song")),
        events.apply("StageEvents", ctx.<SongplayEvent>stage("s_songplay_event")));
  }
}
