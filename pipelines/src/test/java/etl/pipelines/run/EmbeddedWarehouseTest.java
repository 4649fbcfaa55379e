package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.TestWarehouse;
import etl.pipelines.testing.TestWarehouse.Run;
import etl.transforms.jdbc.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The default warehouse: started by the program, and kept between runs when asked. */
public class EmbeddedWarehouseTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void keepsTheWarehouseInTheGivenDataDirectoryAcrossRuns() throws Exception {
    Path dir = tmp.getRoot().toPath().resolve("warehouse");
    String[] args = {
      "--input=" + Path.of("samples/sparkify").toAbsolutePath(), "--embeddedDataDir=" + dir
    };

    Run first = TestWarehouse.runWithoutDatabase(new SparkifyJob(), args);
    Run second = TestWarehouse.runWithoutDatabase(new SparkifyJob(), args);

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCode.OK.code());
    assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(ExitCode.OK.code());
    assertThat(second.out()).contains("Warehouse kept in " + dir);
    assertThat(Files.isDirectory(dir.resolve("base"))).isTrue();
    try (EmbeddedWarehouse kept = EmbeddedWarehouse.start(dir.toString());
        Connection c = Warehouse.of(kept.jdbcUrl(), kept.user(), null).connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select run_id, status from etl_run order by started_at")) {
      List<String> runs = new ArrayList<>();
      while (rs.next()) {
        runs.add(rs.getString(1) + " " + rs.getString(2));
      }
      assertThat(runs).containsExactly(first.runId() + " succeeded", second.runId() + " succeeded");
    }
  }

  @Test
  public void aTemporaryWarehouseIsRemovedAfterTheRun() throws Exception {
    Path tmpdir = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = pgDirs(tmpdir);

    Run run =
        TestWarehouse.runWithoutDatabase(
            new SparkifyJob(), "--input=" + Path.of("samples/sparkify").toAbsolutePath());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(run.out()).doesNotContain("Warehouse kept");
    assertThat(pgDirs(tmpdir)).isSubsetOf(before);
  }

  private static List<Path> pgDirs(Path tmpdir) throws Exception {
    try (var s = Files.list(tmpdir)) {
      return s.filter(
              p ->
                  p.getFileName().toString().startsWith("warehouse-etl-pg-")
                      && !p.getFileName().toString().endsWith("binaries"))
          .toList();
    }
  }
}
