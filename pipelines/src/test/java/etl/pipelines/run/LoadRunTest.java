package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.core.StagingSink;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.sparkify.SparkifyOptions;
import etl.pipelines.testing.TestWarehouse;
import etl.transforms.jdbc.StageRows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The load's steps with the staging sink passed in: a writer that fails part-way through the
 * pipeline fails the run, and the published tables stay exactly as they were.
 */
public class LoadRunTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();

  private static final String INPUT = Path.of("samples", "sparkify").toAbsolutePath().toString();
  private static final SparkifyJob JOB = new SparkifyJob();

  private SparkifyOptions options() {
    return PipelineOptionsFactory.fromArgs(
            "--input=" + INPUT,
            "--jdbcUrl=" + DB.jdbcUrl(),
            "--dbUser=postgres",
            "--fullRefresh=true",
            "--progressSeconds=3600")
        .as(SparkifyOptions.class);
  }

  @Test
  public void aStagingWriterThatFailsFailsTheRunAndLeavesThePublishedTablesAsTheyWere() {
    SparkifyOptions options = options();
    RunSummary first =
        LoadRun.run(JOB, options, DB.warehouse(), "first", quiet(), jdbcStagingSinkFor(options));
    assertThat(first.status()).as(first.message()).isEqualTo("succeeded");
    Map<String, String> before = DB.fingerprints(JOB.finalTables());
    assertThat(before.get("f_songplay")).startsWith("7:");

    // Events are written into a table that is not there: the COPY fails inside the pipeline.
    RunSummary second =
        LoadRun.run(
            JOB,
            options,
            DB.warehouse(),
            "second",
            quiet(),
            runId -> {
              StagingSink real = new JdbcStagingSink(options, DB.warehouse(), runId);
              return new StagingSink() {
                @Override
                public <T> StageRows<T> stage(String table) {
                  return real.stage(table.equals("s_songplay_event") ? "s_no_such_table" : table);
                }
              };
            });

    assertThat(second.status()).isEqualTo("failed");
    assertThat(second.message()).contains("s_no_such_table");
    assertThat(second.accounting()).isEmpty();
    assertThat(DB.fingerprints(JOB.finalTables())).isEqualTo(before);
    assertThat(DB.lines("select status from etl_run order by started_at"))
        .containsExactly("succeeded", "failed");
  }

  private static java.util.function.Function<String, StagingSink> jdbcStagingSinkFor(
      SparkifyOptions options) {
    return runId -> new JdbcStagingSink(options, DB.warehouse(), runId);
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
