package etl.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import etl.pipelines.testing.TestWarehouse;
import java.nio.file.Path;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The command line as a user meets it: help, version, exit codes, ddl, check, progress and the JSON
 * summary.
 */
public class CommandLineTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static final String SPARKIFY =
      "--input=" + Path.of("samples", "sparkify").toAbsolutePath();

  private static Cli.Run cli(String... args) {
    return Cli.run(args);
  }

  private static String[] db(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--jdbcUrl=" + DB.jdbcUrl();
    all[args.length + 1] = "--dbUser=postgres";
    return all;
  }

  @Test
  public void everyCommandHasHelpWithExamplesAndTheVersion() {
    Cli.Run top = cli("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("Exit codes:").contains("4  another run of the same warehouse");
    for (String command :
        List.of(
            "sparkify",
            "movalytics",
            "answers",
            "report",
            "generate",
            "check",
            "ddl",
            "extract cpi",
            "extract copy")) {
      String[] args = (command + " --help").split(" ");

      Cli.Run help = cli(args);

      assertThat(help.code()).as(command).isZero();
      assertThat(help.out())
          .as(command)
          .contains("Usage: warehouse-etl " + command)
          .contains("Examples:");
      Cli.Run version = cli((command + " --version").split(" "));
      assertThat(version.code()).as(command).isZero();
      assertThat(version.out())
          .as(command)
          .startsWith("warehouse-etl ")
          .contains("Apache Beam 2.62.0");
    }
    // A load's help goes on with the Beam options it takes.
    assertThat(cli("sparkify", "--help").out())
        .contains("--input=<String>")
        .contains("--summaryJson=<String>");
  }

  @Test
  public void mistakesOnTheCommandLineExitWithTwoAndOneClearLine() {
    Cli.Run none = cli();
    Cli.Run unknown = cli("warehouse");
    Cli.Run unknownWarehouse = cli("check", "nosuch", "--jdbcUrl=" + DB.jdbcUrl());
    Cli.Run badDialect = cli("ddl", "sparkify", "--dialect=oracle");
    Cli.Run badOption = cli("generate", "sparkify", "--output=/tmp/x", "--scaleFactor=lots");
    Path noWarehouse = TMP.getRoot().toPath().resolve("no-warehouse-here");
    Cli.Run notKept = cli("report", "sparkify", "--embeddedDataDir=" + noWarehouse);

    assertThat(List.of(none, unknown, unknownWarehouse, badDialect, badOption, notKept))
        .allSatisfy(
            r -> {
              assertThat(r.code()).isEqualTo(ExitCode.CONFIG_ERROR.code());
              assertThat(r.err()).contains("error: ");
            });
    assertThat(unknown.err()).contains("Unmatched argument").contains("'warehouse'");
    assertThat(unknownWarehouse.err())
        .contains("error: unknown warehouse 'nosuch' (sparkify or movalytics)");
    assertThat(badDialect.err()).contains("--dialect must be postgres or redshift, was oracle");
    assertThat(badOption.err()).contains("'lots'");
    assertThat(notKept.err()).contains("error: no warehouse is kept in " + noWarehouse);
    assertThat(noWarehouse).as("nothing created there").doesNotExist();
  }

  @Test
  public void ddlPrintsEveryTableInTheDialect() {
    Cli.Run postgres = cli("ddl", "sparkify");
    Cli.Run redshift = cli("ddl", "movalytics", "--dialect=redshift");

    assertThat(postgres.code()).isZero();
    for (String table :
        List.of(
            "etl_run",
            "etl_dead_letter",
            "etl_check_result",
            "etl_loaded_file",
            "s_song",
            "s_songplay_event",
            "d_artist",
            "d_song",
            "d_user",
            "d_time",
            "f_songplay")) {
      assertThat(postgres.out()).contains("create table if not exists " + table + " (");
    }
    assertThat(redshift.out())
        .contains("create table if not exists f_rating (")
        .contains("diststyle all")
        .contains("distkey (movie_id)")
        .doesNotContain("create index");
    // What it prints runs: the PostgreSQL DDL creates the tables in an empty schema.
    DB.execute(
        "drop schema if exists ddl_check cascade; create schema ddl_check; set search_path ="
            + " ddl_check; "
            + postgres.out()
            + " reset search_path");
    assertThat(DB.lines("select count(*) from pg_tables where schemaname = 'ddl_check'"))
        .containsExactly("11");
  }

  @Test
  public void aLoadReportsProgressInPlainLinesAndWritesItsSummaryAsJson() throws Exception {
    DB.execute("drop schema public cascade; create schema public");
    Path json = TMP.getRoot().toPath().resolve("out/summary.json");

    Cli.Run run = cli(db("sparkify", SPARKIFY, "--summaryJson=" + json, "--progressSeconds=1"));

    assertThat(run.code()).as(run.err()).isZero();
    // Not a terminal: plain lines, no carriage returns or escapes.
    assertThat(run.err())
        .contains("reading: 17 files, 35 records read, 21 parsed, 21 rows staged, 14 dead letters")
        .contains("MERGE 1 of 6: d_artist, 4 rows changed")
        .contains("MERGE 6 of 6: etl_loaded_file, 17 rows changed")
        .contains("checks: 25 of 25 passed")
        .doesNotContain("\r")
        .doesNotContain("\u001b");
    JsonNode summary = new ObjectMapper().readTree(json.toFile());
    assertThat(summary.get("status").asText()).isEqualTo("succeeded");
    assertThat(summary.get("exit_code").asInt()).isZero();
    assertThat(summary.get("run_id").asText())
        .isEqualTo(DB.lines("select run_id from etl_run").get(0));
    assertThat(summary.get("accounting").get(1).get("source").asText()).isEqualTo("events");
    assertThat(summary.get("accounting").get(1).get("balanced").asBoolean()).isTrue();
    assertThat(summary.get("table_rows").get("f_songplay").asLong()).isEqualTo(7);
    assertThat(summary.get("checks")).hasSize(25);
    assertThat(summary.get("files").get(1).get("read").asInt()).isEqualTo(2);
  }

  @Test
  public void aRunThatCannotStartStillWritesItsSummaryJsonForTheScheduler() throws Exception {
    Path json = TMP.getRoot().toPath().resolve("not-run.json");

    Cli.Run run =
        cli(
            db(
                "sparkify",
                "--input=" + TMP.getRoot().toPath().resolve("nothing-here"),
                "--summaryJson=" + json));

    assertThat(run.code()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    JsonNode summary = new ObjectMapper().readTree(json.toFile());
    assertThat(summary.get("status").asText()).isEqualTo("configuration_error");
    assertThat(summary.get("exit_code").asInt()).isEqualTo(2);
    assertThat(summary.get("message").asText()).startsWith("No song files found at ");
  }

  @Test
  public void aLoadAnswersTheQuestionsUnlessToldToLeaveThemForLater() {
    DB.execute("drop schema public cascade; create schema public");
    String movalytics = "--input=" + Path.of("samples", "movalytics").toAbsolutePath();

    Cli.Run with = cli(db("movalytics", movalytics, "--minRatings=2", "--minVotes=10"));
    Cli.Run without =
        cli(db("movalytics", movalytics, "--answersAfterLoad=false", "--full-refresh"));

    assertThat(with.code()).isZero();
    assertThat(without.code()).isZero();
    assertThat(with.out()).contains("1. The highest-rated movies of all time");
    assertThat(without.out())
        .contains("SUCCEEDED")
        .doesNotContain("1. The highest-rated movies of all time");
  }

  @Test
  public void checkRunsTheChecksOnTheTablesAsTheyAreAndRecordsNothing() {
    DB.execute("drop schema public cascade; create schema public");
    assertThat(cli(db("sparkify", SPARKIFY)).code()).isZero();
    long recorded = Long.parseLong(DB.lines("select count(*) from etl_check_result").get(0));

    Cli.Run passing = cli(db("check", "sparkify"));
    DB.execute(
        "insert into d_song (song_id, title, artist_id, artist_name, year, duration) "
            + "values ('SOORPHAN', 'Orphan', 'ARNOWHERE', 'Nobody', null, 1.0)");
    Cli.Run failing = cli(db("check", "sparkify"));

    assertThat(passing.code()).as(passing.err()).isZero();
    assertThat(passing.out()).contains("25 of 25 passed");
    assertThat(failing.code()).isEqualTo(ExitCode.CHECKS_FAILED.code());
    assertThat(failing.out())
        .contains("24 of 25 passed")
        .contains(
            "FAIL d_song__artist_id__references_d_artist: 1 violating rows, e.g."
                + " {artist_id=ARNOWHERE}");
    assertThat(DB.lines("select count(*) from etl_check_result"))
        .containsExactly(String.valueOf(recorded));
  }
}
