package etl.pipelines.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.core.WarehouseJob;
import etl.pipelines.movalytics.MovalyticsJob;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.TestS3Server;
import etl.pipelines.testing.TestWarehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * A second engine: both warehouses on Beam's Flink runner (Flink 1.19's embedded local cluster,
 * {@code --flinkMaster=[local]}), inputs read via {@code s3://}, must give exactly the tables the
 * Direct runner gives for the same files (content hashes), dead letters included.
 */
public class FlinkRunnerTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @ClassRule public static final TestS3Server S3 = new TestS3Server();

  private static final String DEAD_LETTERS =
      "select step, reason, regexp_replace(source, '.*/', ''), position from etl_dead_letter order"
          + " by 1, 2, 3, 4";

  @Test
  public void sparkifyOnFlinkEqualsTheDirectRunner() {
    assertFlinkLoadEqualsDirectLoad(new SparkifyJob());
  }

  @Test
  public void movalyticsOnFlinkEqualsTheDirectRunner() {
    assertFlinkLoadEqualsDirectLoad(new MovalyticsJob());
  }

  private static void assertFlinkLoadEqualsDirectLoad(WarehouseJob<?> job) {
    Path samples = Path.of("samples", job.name()).toAbsolutePath();
    List<String> tables = job.finalTables();
    DB.execute("drop schema public cascade; create schema public");
    TestWarehouse.Run direct = DB.run(job, "--input=" + samples);
    assertThat(direct.exitCode()).as(direct.out() + direct.err()).isEqualTo(ExitCode.OK.code());
    Map<String, String> expected = DB.fingerprints(tables);
    List<String> expectedDeadLetters = DB.lines(DEAD_LETTERS);
    assertThat(expected.values()).noneMatch(f -> f.startsWith("0:"));

    DB.execute("drop schema public cascade; create schema public");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input=" + S3.upload(samples, job.name() + "-flink", "in"),
                "--runner=FlinkRunner",
                "--flinkMaster=[local]",
                "--parallelism=2"));
    args.addAll(List.of(S3.beamOptions()));
    TestWarehouse.Run onFlink = DB.run(job, args.toArray(new String[0]));

    assertThat(onFlink.exitCode()).as(onFlink.out() + onFlink.err()).isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(tables)).isEqualTo(expected);
    assertThat(DB.lines(DEAD_LETTERS)).isEqualTo(expectedDeadLetters);
  }
}
