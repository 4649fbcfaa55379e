package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.TestSecretsManager;
import etl.pipelines.testing.TestWarehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A warehouse that really checks passwords (scram-sha-256 for the ETL's role): the password given
 * in a file is used, and appears in no output, no log line and no bookkeeping row.
 */
public class PasswordSecrecyTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  @ClassRule public static final TestSecretsManager SECRETS = new TestSecretsManager();

  private static final String PASSWORD = "Pw-7f3c9e1b-never-print-me";

  @BeforeClass
  public static void requirePasswordsForTheEtlRole() throws Exception {
    DB.execute("create role etl_secret login superuser password '" + PASSWORD + "'");
    Path hba = Path.of((String) DB.rows("show hba_file").get(0).get("hba_file"));
    Files.writeString(
        hba, "host all etl_secret 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
    DB.execute("select pg_reload_conf()");
  }

  @Test
  public void aPasswordFromAFileIsUsedAndAppearsInNoOutputLogOrRow() throws Exception {
    Path file = TMP.newFile("warehouse-password").toPath();
    Files.writeString(file, PASSWORD + "\n");

    Captured run = runCapturingLogs("--dbPasswordFile=" + file);

    assertThat(run.run.exitCode()).as(run.run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(run.run.out()).contains("SUCCEEDED");
    assertThat(run.everything()).doesNotContain(PASSWORD);
    assertThat(run.logs()).as("the log was captured").contains("as etl_secret (password set)");
    for (String table :
        List.of("etl_run", "etl_dead_letter", "etl_check_result", "etl_loaded_file")) {
      assertThat(DB.lines("select t::text from " + table + " as t"))
          .isNotEmpty()
          .noneMatch(row -> row.contains(PASSWORD));
    }
    assertThat(DB.lines("select arguments from etl_run"))
        .allMatch(a -> a.contains("--dbPasswordFile="));
  }

  @Test
  public void aPasswordFromASecretsManagerSecretIsUsedAndAppearsInNoOutputLogOrRow()
      throws Exception {
    // The form Redshift keeps its credentials in: a JSON secret with a "password" field.
    SECRETS.put(
        "prod/warehouse", "{\"username\":\"etl_secret\",\"password\":\"" + PASSWORD + "\"}");

    Captured run =
        runCapturingLogs(
            "--dbPasswordSecret=prod/warehouse",
            "--secretsManagerEndpoint=" + SECRETS.endpoint(),
            "--awsRegion=us-east-1");

    assertThat(run.run.exitCode()).as(run.run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(run.everything()).doesNotContain(PASSWORD);
    assertThat(SECRETS.requests())
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.get("target")).isEqualTo("secretsmanager.GetSecretValue");
              assertThat(r.get("authorization"))
                  .startsWith("AWS4-HMAC-SHA256 Credential=test-access-key/");
            });
    for (String table : WarehouseTables.RUN_TABLES) {
      assertThat(DB.lines("select t::text from " + table + " as t"))
          .noneMatch(row -> row.contains(PASSWORD));
    }
  }

  @Test
  public void aMissingSecretFailsInOneLineBeforeAnythingRuns() throws Exception {
    Captured run =
        runCapturingLogs(
            "--dbPasswordSecret=prod/nothing-here",
            "--secretsManagerEndpoint=" + SECRETS.endpoint(),
            "--awsRegion=us-east-1");

    assertThat(run.run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.run.err().strip().lines()).hasSize(1);
    assertThat(run.run.err())
        .startsWith(
            "error: No secret prod/nothing-here in AWS Secrets Manager at " + SECRETS.endpoint());
    assertThat(DB.lines("select count(*) from pg_tables where tablename = 'etl_run'"))
        .containsExactly("0");
  }

  @Test
  public void aWrongPasswordFailsInOneLineThatShowsNeitherPassword() throws Exception {
    Path file = TMP.newFile("wrong-password").toPath();
    Files.writeString(file, "Wrong-" + PASSWORD);

    Captured run = runCapturingLogs("--dbPasswordFile=" + file);

    assertThat(run.run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.run.err().strip().lines()).hasSize(1);
    assertThat(run.run.err())
        .startsWith("error: Cannot connect to ")
        .contains("etl_secret")
        .contains("authentication failed");
    assertThat(run.everything()).doesNotContain(PASSWORD);
  }

  private record Captured(TestWarehouse.Run run, String logs) {
    String everything() {
      return run.out() + run.err() + logs;
    }
  }

  /** Runs the job with this JVM's stdout and stderr (where the log goes) captured as well. */
  private static Captured runCapturingLogs(String... passwordOptions) {
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      DB.execute("drop schema public cascade; create schema public");
      List<String> args =
          new java.util.ArrayList<>(
              List.of(
                  "--input=" + Path.of("samples", "sparkify").toAbsolutePath(),
                  "--jdbcUrl=" + DB.jdbcUrl(),
                  "--dbUser=etl_secret"));
      args.addAll(List.of(passwordOptions));
      TestWarehouse.Run run =
          TestWarehouse.runWithoutDatabase(new SparkifyJob(), args.toArray(new String[0]));
      return new Captured(run, logs.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }
}
