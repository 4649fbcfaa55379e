package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.movalytics.MovalyticsGenerator;
import etl.pipelines.movalytics.MovalyticsJob;
import etl.pipelines.testing.TestWarehouse;
import etl.transforms.jdbc.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The warehouse database stops while a run is staging: the run fails with a clear message, the
 * final tables are exactly as before (content hashes, read after a restart), and the next run
 * completes to the same tables as runs that never met the fault.
 */
public class DatabaseFaultTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final MovalyticsJob JOB = new MovalyticsJob();
  private static final List<String> TABLES = JOB.finalTables();

  @Test
  public void theDatabaseStoppedDuringStagingFailsTheRunAndChangesNoFinalTable() throws Exception {
    // Two loads of generated data in the Kaggle formats: a small one, then a bigger one (~780 k
    // ratings, so staging takes seconds) that changes and adds rows.
    Path small = tmp.newFolder("small").toPath();
    MovalyticsGenerator.generate(small, 0.005, 5, 0.0);
    Path big = tmp.newFolder("big").toPath();
    MovalyticsGenerator.generate(big, 0.03, 5, 0.0);
    String dataDir = tmp.newFolder("pg").toString();

    // What the two loads give without a fault, in a database of their own.
    Map<String, String> afterSmall;
    Map<String, String> afterBoth;
    try (EmbeddedWarehouse clean = EmbeddedWarehouse.start(null)) {
      assertThat(load(clean, small).exitCode()).isEqualTo(ExitCode.OK.code());
      afterSmall = fingerprints(clean);
      assertThat(load(clean, big).exitCode()).isEqualTo(ExitCode.OK.code());
      afterBoth = fingerprints(clean);
    }
    assertThat(afterBoth).isNotEqualTo(afterSmall);

    EmbeddedWarehouse db = EmbeddedWarehouse.start(dataDir);
    assertThat(load(db, small).exitCode()).isEqualTo(ExitCode.OK.code());
    EmbeddedWarehouse running = db;
    CompletableFuture<TestWarehouse.Run> faulted =
        CompletableFuture.supplyAsync(() -> load(running, big));
    awaitStagingOfRatings(db);
    db.close(); // the database goes away mid-COPY

    TestWarehouse.Run failed = faulted.get();
    assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(ExitCode.FAILED.code());
    assertThat(failed.out())
        .contains("FAILED")
        .containsPattern("(?i)terminating connection|connection|I/O error");
    assertThat(failed.out() + failed.err()).doesNotContain("\tat ");
    // The database is still down when the run ends: its etl_run row cannot be finished, and it says
    // so.
    assertThat(failed.out()).contains("Not recorded in etl_run: ");

    db = EmbeddedWarehouse.start(dataDir); // the same data, restarted
    try {
      assertThat(fingerprints(db)).isEqualTo(afterSmall);
      assertThat(load(db, big).exitCode()).isEqualTo(ExitCode.OK.code());
      assertThat(fingerprints(db)).isEqualTo(afterBoth);
    } finally {
      db.close();
    }
  }

  private static TestWarehouse.Run load(EmbeddedWarehouse db, Path input) {
    return TestWarehouse.runWithoutDatabase(
        JOB,
        "--input=" + input,
        "--jdbcUrl=" + db.jdbcUrl(),
        "--dbUser=postgres",
        "--minRatings=5");
  }

  /** Waits until a COPY into s_rating is running. */
  private static void awaitStagingOfRatings(EmbeddedWarehouse db) throws Exception {
    Warehouse w = Warehouse.of(db.jdbcUrl(), db.user(), null);
    for (int i = 0; i < 1200; i++) {
      try (Connection c = w.connect();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "select 1 from pg_stat_activity where query ilike 'copy s_rating%' and state"
                          + " = 'active'")) {
        if (rs.next()) {
          return;
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("ratings were never being staged");
  }

  private static Map<String, String> fingerprints(EmbeddedWarehouse db) throws SQLException {
    try (Connection c = Warehouse.of(db.jdbcUrl(), db.user(), null).connect()) {
      return TestWarehouse.fingerprints(c, TABLES);
    }
  }
}
