package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import etl.pipelines.cli.ExitCode;
import etl.pipelines.core.AccountedSource;
import etl.pipelines.core.JobContext;
import etl.pipelines.core.Join;
import etl.pipelines.core.Source;
import etl.pipelines.core.WarehouseJob;
import etl.pipelines.sparkify.SongplayEvent;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.sparkify.SparkifyOptions;
import etl.pipelines.testing.TestWarehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Every input record accounted for, per source, in every run; a run that cannot account publishes
 * nothing.
 */
public class AccountingTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();

  private static final String INPUT = "--input=" + Path.of("samples", "sparkify").toAbsolutePath();
  private static final List<String> TABLES = new SparkifyJob().finalTables();

  @Before
  public void emptyWarehouse() {
    DB.execute("drop schema public cascade; create schema public");
  }

  @Test
  public void everySourceBalancesAndTheBalanceIsRecordedInEtlRun() throws Exception {
    TestWarehouse.Run run = DB.run(new SparkifyJob(), INPUT);

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(run.out())
        .contains("ok  song files: read 15 = loaded 9 + dead-lettered 6 + filtered 0")
        .contains("ok  events: read 21 = loaded 12 + dead-lettered 8 + filtered 1 {blank_line=1}");
    String json = DB.lines("select accounting from etl_run where run_id = ?", run.runId()).get(0);
    List<Object> recorded =
        new ObjectMapper()
            .readValue(json, new com.fasterxml.jackson.core.type.TypeReference<List<Object>>() {});
    assertThat(recorded)
        .containsExactly(
            Map.of(
                "source",
                "song files",
                "read",
                15,
                "loaded",
                9,
                "dead_lettered",
                6,
                "filtered",
                Map.of(),
                "balanced",
                true),
            Map.of(
                "source",
                "events",
                "read",
                21,
                "loaded",
                12,
                "dead_lettered",
                8,
                "filtered",
                Map.of("blank_line", 1),
                "balanced",
                true));
  }

  @Test
  public void aRunWhoseRecordsDoNotAddUpFailsAndPublishesNothing() {
    assertThat(DB.run(new SparkifyJob(), INPUT).exitCode()).isEqualTo(ExitCode.OK.code());
    DB.execute(
        "delete from f_songplay where songplay_id = (select min(songplay_id) from f_songplay)");
    Map<String, String> before = DB.fingerprints(TABLES);

    // The same load (every file again: --full-refresh), but a faulty step between parsing and
    // staging loses the events on the first line of each log, without a dead letter.
    TestWarehouse.Run run = DB.run(new LosingFirstLines(), INPUT, "--full-refresh");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(run.out())
        .contains("Records do not add up, nothing was published: events: read 21 ≠ loaded 10 +")
        .contains("dead-lettered 8 + filtered 1")
        .contains("BAD events");
    assertThat(DB.fingerprints(TABLES)).isEqualTo(before);
    assertThat(DB.lines("select status from etl_run order by started_at"))
        .containsExactly("succeeded", "failed");
  }

  @Test
  public void rowsARetriedBundleStagedTwiceAreCountedOnce() throws Exception {
    DB.execute(
        "create table etl_dead_letter (run_id text, step text, source text, position bigint);"
            + " create table s_x (run_id text, source text, line bigint); insert into s_x values"
            + " ('r', 'f', 2), ('r', 'f', 3), ('r', 'f', 3), ('other', 'f', 9); insert into"
            + " etl_dead_letter values ('r', 'ParseX', 'f', 4), ('r', 'ParseX', 'f', 4)");
    AccountedSource source =
        AccountedSource.of(
            "x",
            "ReadX",
            List.of("ParseX"),
            new AccountedSource.Staged("s_x", List.of("source", "line")));
    // Read 4 lines: a header (filtered), 2 staged (one of them twice), 1 dead letter (recorded
    // twice).
    Map<String, Map<String, Long>> counters =
        Map.of(
            "ReadX", Map.of("records", 3L, "filtered_header", 1L), "ParseX", Map.of("parsed", 2L));

    List<Accounting.Balance> balances =
        Accounting.balances(List.of(source), counters, DB.warehouse(), "r");

    assertThat(balances).hasSize(1);
    assertThat(balances.get(0).toString())
        .isEqualTo("x: read 4 = loaded 2 + dead-lettered 1 + filtered 1 {header=1}");
    assertThat(balances.get(0).balanced()).isTrue();
  }

  /** Sparkify, with a step that loses the events on line 1 of each log before staging. */
  private static final class LosingFirstLines implements WarehouseJob<SparkifyOptions> {
    private final SparkifyJob job = new SparkifyJob();

    @Override
    public String name() {
      return job.name();
    }

    @Override
    public Class<SparkifyOptions> optionsClass() {
      return job.optionsClass();
    }

    @Override
    public List<String> description() {
      return job.description();
    }

    @Override
    public List<String> examples() {
      return job.examples();
    }

    @Override
    public Map<String, Long> generate(Path dir, double scale, long seed, double defectRate)
        throws java.io.IOException {
      return job.generate(dir, scale, seed, defectRate);
    }

    @Override
    public List<Source<SparkifyOptions, ?>> sources() {
      return job.sources();
    }

    @Override
    public List<String> stagingTables() {
      return job.stagingTables();
    }

    @Override
    public List<String> finalTables() {
      return job.finalTables();
    }

    @Override
    public Map<String, String> summaryQueries() {
      return job.summaryQueries();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<PCollection<?>> expand(Pipeline p, SparkifyOptions options, JobContext context) {
      Source<SparkifyOptions, SongplayEvent> events =
          (Source<SparkifyOptions, SongplayEvent>) job.sources().get(1);
      return List.of(
          context
              .read(p, options, events, Join.none())
              .apply("LoseFirstLines", Filter.by((SongplayEvent e) -> e.getLine() > 1))
              .apply("StageEvents", context.stage("s_songplay_event")));
    }
  }
}
