package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.sparkify.SparkifyGenerator;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.TestFiles;
import etl.pipelines.testing.TestWarehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Incremental loads: a daily run over a growing folder of event logs reads each day's file exactly
 * once (the etl_loaded_file manifest), ends where one run over all the days ends, and a run that
 * fails marks nothing as loaded.
 */
public class IncrementalLoadTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static final List<String> TABLES = new SparkifyJob().finalTables();
  private static final int DAYS = 4;
  private static Path generated;

  /** Final tables after one run over all {@link #DAYS} days at once, in an empty warehouse. */
  private static Map<String, String> allAtOnce;

  private Path daily;

  @BeforeClass
  public static void generateAndLoadAllAtOnce() throws IOException {
    generated = TMP.newFolder("generated").toPath();
    SparkifyGenerator.generate(generated, 0.05, 7, 0.02);
    Path all = TMP.newFolder("all-days").toPath();
    TestFiles.copyTree(generated.resolve("song_data"), all.resolve("song_data"));
    for (int day = 1; day <= DAYS; day++) {
      copy(logOf(generated, day), logOf(all, day));
    }
    DB.execute("drop schema public cascade; create schema public");
    TestWarehouse.Run run = DB.run(new SparkifyJob(), "--input=" + all);
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    allAtOnce = DB.fingerprints(TABLES);
  }

  @Before
  public void emptyWarehouseAndFolder() throws IOException {
    DB.execute("drop schema public cascade; create schema public");
    daily = TMP.newFolder().toPath();
    TestFiles.copyTree(generated.resolve("song_data"), daily.resolve("song_data"));
  }

  @Test
  public void aDailyRunOverAGrowingFolderLoadsEachDayExactlyOnce() throws IOException {
    for (int day = 1; day <= DAYS; day++) {
      copy(logOf(generated, day), logOf(daily, day));

      TestWarehouse.Run run = load();

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
      assertThat(filesOf(run, "ReadEvents")).containsExactly(logOf(daily, day).toString());
      assertThat(run.out())
          .contains(
              "ReadEvents: " + day + " files listed, " + (day - 1) + " already loaded, 1 read");
      // Only that day's lines were staged (the invalid ones are dead letters, accounted for).
      long lines = nonBlankLines(logOf(daily, day));
      long staged = count("select count(*) from s_songplay_event where run_id = ?", run.runId());
      long deadLetters =
          count(
              "select count(*) from etl_dead_letter where run_id = ? and step like '%Events'",
              run.runId());
      assertThat(staged + deadLetters).isEqualTo(lines);
      // The song files were read by the first run only.
      assertThat(filesOf(run, "ReadSongs")).hasSize(day == 1 ? songFiles() : 0);
    }

    assertThat(DB.fingerprints(TABLES)).isEqualTo(allAtOnce);
    assertThat(
            DB.lines(
                "select count(*) as files, count(distinct uri) as uris from etl_loaded_file where"
                    + " current_version and step = 'ReadEvents'"))
        .containsExactly(DAYS + "|" + DAYS);

    // Nothing new: nothing read, nothing changed.
    TestWarehouse.Run repeat = load();
    assertThat(repeat.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(repeat.out())
        .contains("ReadEvents: " + DAYS + " files listed, " + DAYS + " already loaded, 0 read")
        .contains("ok  events: read 0 = loaded 0 + dead-lettered 0 + filtered 0");
    assertThat(DB.fingerprints(TABLES)).isEqualTo(allAtOnce);
  }

  @Test
  public void aChangedFileIsReadAgainAndAFileOnlyTouchedIsNot() throws IOException {
    for (int day = 1; day <= 2; day++) {
      copy(logOf(generated, day), logOf(daily, day));
    }
    assertThat(load().exitCode()).isEqualTo(ExitCode.OK.code());

    // Day 1 copied again: same bytes, a new modification time. Day 2 gains the events of day 3.
    Files.setLastModifiedTime(
        logOf(daily, 1), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Files.write(
        logOf(daily, 2), Files.readAllBytes(logOf(generated, 3)), StandardOpenOption.APPEND);
    TestWarehouse.Run run = load();

    assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.OK.code());
    assertThat(filesOf(run, "ReadEvents")).containsExactly(logOf(daily, 2).toString());
    assertThat(
            DB.lines(
                "select count(*) from etl_loaded_file where uri = ? and current_version",
                logOf(daily, 2).toString()))
        .containsExactly("1");
    long day3Plays =
        count(
            "select count(*) from f_songplay where start_time >= '2018-11-03' and start_time <"
                + " '2018-11-04'");
    assertThat(day3Plays).isPositive();
  }

  @Test
  public void aFullRefreshReadsEveryFileAndRebuildsTheTablesFromThem() throws IOException {
    for (int day = 1; day <= DAYS + 1; day++) {
      copy(logOf(generated, day), logOf(daily, day));
    }
    assertThat(load().exitCode()).isEqualTo(ExitCode.OK.code());
    // The last day's file is withdrawn: an incremental run keeps its plays, a full refresh drops
    // them.
    Files.delete(logOf(daily, DAYS + 1));
    TestWarehouse.Run incremental = load();
    assertThat(filesOf(incremental, "ReadEvents")).isEmpty();
    assertThat(DB.fingerprints(TABLES)).isNotEqualTo(allAtOnce);

    TestWarehouse.Run refresh = load("--full-refresh");

    assertThat(refresh.exitCode()).as(refresh.out()).isEqualTo(ExitCode.OK.code());
    assertThat(filesOf(refresh, "ReadEvents")).hasSize(DAYS);
    assertThat(filesOf(refresh, "ReadSongs")).hasSize(songFiles());
    assertThat(DB.fingerprints(TABLES)).isEqualTo(allAtOnce);
    // Only the refreshing run's versions are current; the next incremental run reads nothing.
    assertThat(DB.lines("select distinct run_id from etl_loaded_file where current_version"))
        .containsExactly(refresh.runId());
    assertThat(filesOf(load(), "ReadEvents")).isEmpty();
  }

  @Test
  public void aRunThatFailsMarksNoFileAsLoadedAndTheNextRunReadsThemAgain() throws IOException {
    copy(logOf(generated, 1), logOf(daily, 1));
    assertThat(load().exitCode()).isEqualTo(ExitCode.OK.code());
    copy(logOf(generated, 2), logOf(daily, 2));
    Map<String, String> afterDay1 = DB.fingerprints(TABLES);
    // The warehouse refuses plays of 2 November: the MERGE fails after day 2 was staged.
    DB.execute("alter table f_songplay add constraint no_day_2 check (start_time < '2018-11-02')");

    TestWarehouse.Run failed = load();

    assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(failed.out()).contains("no_day_2");
    assertThat(filesOf(failed, "ReadEvents")).containsExactly(logOf(daily, 2).toString());
    assertThat(
            DB.lines(
                "select count(*) from etl_loaded_file where run_id = ? and current_version",
                failed.runId()))
        .containsExactly("0");
    assertThat(DB.fingerprints(TABLES)).isEqualTo(afterDay1);

    DB.execute("alter table f_songplay drop constraint no_day_2");
    TestWarehouse.Run next = load();

    assertThat(next.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(filesOf(next, "ReadEvents")).containsExactly(logOf(daily, 2).toString());
    assertThat(count("select count(*) from f_songplay where start_time >= '2018-11-02'"))
        .isPositive();
  }

  private TestWarehouse.Run load(String... extra) {
    String[] args =
        Stream.concat(Stream.of("--input=" + daily), Stream.of(extra)).toArray(String[]::new);
    return DB.run(new SparkifyJob(), args);
  }

  private static List<String> filesOf(TestWarehouse.Run run, String step) {
    return DB.lines(
        "select uri from etl_loaded_file where run_id = ? and step = ? order by uri",
        run.runId(),
        step);
  }

  private static long count(String sql, Object... params) {
    return Long.parseLong(DB.lines(sql, params).get(0));
  }

  private static long nonBlankLines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank())
        .count();
  }

  private int songFiles() throws IOException {
    try (Stream<Path> files = Files.walk(daily.resolve("song_data"))) {
      return (int) files.filter(Files::isRegularFile).count();
    }
  }

  private static Path logOf(Path input, int day) {
    return input.resolve(String.format("log_data/2018/11/2018-11-%02d-events.json", day));
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }
}
