package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.movalytics.MovalyticsJob;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.TestWarehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

/** Two loads of one warehouse at once: one refuses with a clear message; nothing is doubled. */
public class ConcurrentRunsTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();

  private static final SparkifyJob SPARKIFY = new SparkifyJob();
  private static final List<String> TABLES = SPARKIFY.finalTables();
  private static final String INPUT = "--input=" + Path.of("samples", "sparkify").toAbsolutePath();

  @Before
  public void emptyWarehouse() {
    DB.execute("drop schema public cascade; create schema public");
  }

  @Test
  public void aRunRefusesWhileAnotherRunOfTheSameWarehouseHoldsItsLockAndChangesNothing()
      throws Exception {
    assertThat(DB.run(SPARKIFY, INPUT).exitCode()).isEqualTo(ExitCode.OK.code());
    Map<String, String> before = DB.fingerprints(TABLES);

    try (Connection other = DB.warehouse().connect();
        Statement st = other.createStatement()) {
      // What a sparkify run in another process holds while it loads.
      st.execute("select pg_advisory_lock(hashtext('warehouse-etl:sparkify'))");
      TestWarehouse.Run refused = DB.run(SPARKIFY, INPUT);

      assertThat(refused.exitCode()).isEqualTo(ExitCode.BUSY.code());
      assertThat(refused.err().strip())
          .isEqualTo(
              "error: Another sparkify run is loading this warehouse; nothing was done. "
                  + "Run again when it has finished.");
      assertThat(DB.lines("select status from etl_run")).containsExactly("succeeded");
      assertThat(DB.fingerprints(TABLES)).isEqualTo(before);

      // The lock is per warehouse: Movalytics loads meanwhile.
      TestWarehouse.Run movalytics =
          DB.run(
              new MovalyticsJob(), "--input=" + Path.of("samples", "movalytics").toAbsolutePath());
      assertThat(movalytics.exitCode()).as(movalytics.err()).isEqualTo(ExitCode.OK.code());
    }

    // Released (the holder's connection closed): the next run goes ahead.
    assertThat(DB.run(SPARKIFY, INPUT).exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(TABLES)).isEqualTo(before);
  }

  @Test
  public void twoRunsStartedTogetherNeverDoubleARow() throws Exception {
    assertThat(DB.run(SPARKIFY, INPUT).exitCode()).isEqualTo(ExitCode.OK.code());
    Map<String, String> once = DB.fingerprints(TABLES);
    DB.execute("drop schema public cascade; create schema public");

    CompletableFuture<TestWarehouse.Run> a =
        CompletableFuture.supplyAsync(() -> DB.run(SPARKIFY, INPUT));
    CompletableFuture<TestWarehouse.Run> b =
        CompletableFuture.supplyAsync(() -> DB.run(SPARKIFY, INPUT));
    List<Integer> codes = List.of(a.get().exitCode(), b.get().exitCode());

    assertThat(codes)
        .as(a.get().err() + b.get().err())
        .allMatch(c -> c == ExitCode.OK.code() || c == ExitCode.BUSY.code())
        .contains(ExitCode.OK.code());
    assertThat(DB.fingerprints(TABLES)).isEqualTo(once);
    assertThat(DB.lines("select count(*) from etl_run where status = 'succeeded'"))
        .containsExactly(
            String.valueOf(codes.stream().filter(c -> c == ExitCode.OK.code()).count()));
  }
}
