package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.cli.Main;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.TestWarehouse;
import etl.pipelines.testing.TestWarehouse.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Mistakes in how the program is started end with one clear line and exit code 2. */
public class ConfigurationErrorsTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  @org.junit.ClassRule public static final TestWarehouse DB = new TestWarehouse();

  @Test
  public void anUnreachableS3EndpointFailsFastAndNothingIsWritten() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }

    Run run =
        DB.run(
            new SparkifyJob(),
            "--input=s3://landing/sparkify",
            "--endpoint=http://127.0.0.1:" + closedPort,
            "--awsRegion=us-east-1",
            "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\"a\",\"secretAccessKey\":\"b\"}");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("error: Cannot list song files at s3://landing/sparkify/song_data/**/*.json: ")
        .doesNotContain("\tat ");
    assertThat(
            DB.lines(
                "select count(*) from information_schema.tables where table_schema = 'public'"))
        .containsExactly("0");
  }

  @Test
  public void aMissingInputFolderFailsFastNamingWhatIsMissing() {
    Path missing = tmp.getRoot().toPath().resolve("no-such-folder");

    Run run = TestWarehouse.runWithoutDatabase(new SparkifyJob(), "--input=" + missing);

    assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.err().strip())
        .isEqualTo(
            "error: No song files found at " + missing + "/song_data/**/*.json (check --input)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  public void aFolderWithSongsButNoLogsNamesTheLogs() throws IOException {
    Path input = tmp.newFolder("input").toPath();
    Files.createDirectories(input.resolve("song_data/A"));
    Files.writeString(input.resolve("song_data/A/TR1.json"), "{}");

    Run run = TestWarehouse.runWithoutDatabase(new SparkifyJob(), "--input=" + input);

    assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.err())
        .startsWith("error: No event logs found at " + input + "/log_data/**/*.json");
  }

  /** A port nothing listens on (it was free a moment ago). */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  public void anUnreachableDatabaseFailsFastWithoutAStackTrace() throws IOException {
    int closedPort = closedPort();

    Run run =
        TestWarehouse.runWithoutDatabase(
            new SparkifyJob(),
            "--input=samples/sparkify",
            "--jdbcUrl=jdbc:postgresql://127.0.0.1:" + closedPort + "/warehouse",
            "--dbUser=etl");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.err())
        .startsWith(
            "error: Cannot connect to jdbc:postgresql://127.0.0.1:"
                + closedPort
                + "/warehouse as etl: ")
        .doesNotContain("\tat ");
  }

  @Test
  public void anUnsupportedJdbcUrlIsNamed() {
    Run run =
        TestWarehouse.runWithoutDatabase(
            new SparkifyJob(), "--input=samples/sparkify", "--jdbcUrl=jdbc:mysql://127.0.0.1/x");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.err())
        .startsWith("error: Unsupported JDBC URL")
        .contains("jdbc:mysql://127.0.0.1/x");
  }

  @Test
  public void anUnreachableRedshiftIsNamedWithoutItsPassword() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Run run =
        TestWarehouse.runWithoutDatabase(
            new SparkifyJob(),
            "--input=samples/sparkify",
            "--jdbcUrl=jdbc:redshift://127.0.0.1:" + closedPort + "/dev",
            "--dbUser=etl");

    assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.err())
        .startsWith(
            "error: Cannot connect to jdbc:redshift://127.0.0.1:" + closedPort + "/dev as etl: ")
        .doesNotContain("\tat ");
  }

  @Test
  public void aMissingRequiredOptionIsNamed() {
    Run run = TestWarehouse.runWithoutDatabase(new SparkifyJob());

    assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.err()).contains("--input");
  }

  @Test
  public void anUnknownCommandIsAConfigurationError() {
    assertThat(Main.run(new String[] {"no-such-warehouse"}))
        .isEqualTo(ExitCode.CONFIG_ERROR.code());
  }

  @Test
  public void thePasswordFileIsReadButNeverPrinted() throws IOException {
    Path file = tmp.newFile("pw").toPath();
    Files.writeString(file, "s3cr3t-Pa55\n");
    int closedPort = closedPort();

    Run run =
        TestWarehouse.runWithoutDatabase(
            new SparkifyJob(),
            "--input=samples/sparkify",
            "--jdbcUrl=jdbc:postgresql://127.0.0.1:" + closedPort + "/warehouse",
            "--dbUser=etl",
            "--dbPasswordFile=" + file);

    assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.err()).contains("(password set)").doesNotContain("s3cr3t-Pa55");
  }
}
