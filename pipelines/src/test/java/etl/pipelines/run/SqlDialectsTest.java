package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.core.WarehouseJob;
import etl.pipelines.movalytics.MovalyticsJob;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.TestWarehouse;
import etl.transforms.check.TableDef;
import etl.transforms.jdbc.Dialect;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import etl.transforms.sql.SqlScript;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The two SQL dialects side by side. No Redshift is reachable here, so what can be shown without
 * one is shown: every table has every kind of statement in both dialects, the Redshift DDL follows
 * the star-schema layout rules, and the Redshift SQL, stripped only of its storage clauses, builds
 * exactly the warehouse the PostgreSQL SQL builds, from the same staged rows, on a real PostgreSQL.
 */
public class SqlDialectsTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();

  private static final List<WarehouseJob<?>> JOBS = List.of(new SparkifyJob(), new MovalyticsJob());
  private static final List<String> RUN_TABLES = WarehouseTables.RUN_TABLES;

  /** Dimensions too big to copy to every node (as many rows as the fact): distributed on a key. */
  private static final List<String> LARGE_DIMENSIONS = List.of("d_time");

  /** The clauses only Redshift has: distribution, sort keys and column compression. */
  private static final Pattern REDSHIFT_ONLY =
      Pattern.compile(
          "(?i)\\b(diststyle\\s+(all|even|key|auto)|distkey\\s*\\([^)]*\\)"
              + "|(compound\\s+|interleaved\\s+)?sortkey\\s*\\([^)]*\\)|encode\\s+[a-z0-9]+)");

  @Test
  public void everyTableHasItsDdlAndEveryFinalTableItsMergeInBothDialects() {
    List<String> missing = new ArrayList<>();
    for (Dialect dialect : Dialect.values()) {
      String own = dialect.folder();
      RUN_TABLES.forEach(t -> requireOwn(missing, "common/" + own + "/ddl/" + t + ".sql"));
      for (WarehouseJob<?> job : JOBS) {
        String tables = job.name() + "/tables/";
        job.stagingTables().forEach(t -> requireOwn(missing, tables + t + "/ddl." + own + ".sql"));
        for (String t : job.finalTables()) {
          requireOwn(missing, tables + t + "/ddl." + own + ".sql");
          requireOwn(missing, tables + t + "/merge." + own + ".sql");
        }
      }
    }
    // The staging load: COPY FROM STDIN on PostgreSQL, COPY from S3 on Redshift.
    requireOwn(missing, "common/postgres/copy_staging.sql");
    requireOwn(missing, "common/redshift/copy_staging_s3.sql");
    assertThat(missing).isEmpty();
  }

  @Test
  public void everyStatementARunNeedsIsFoundInBothDialects() {
    List<String> missing = new ArrayList<>();
    for (Dialect dialect : Dialect.values()) {
      for (String f :
          List.of(
              "clear_staging.sql",
              "run_start.sql",
              "run_finish.sql",
              "analyze_table.sql",
              "record_check_result.sql",
              "check_results.sql",
              "count_rows.sql",
              "count_run_rows.sql",
              "dead_letters_by_reason.sql",
              "acquire_run_lock.sql",
              "running_runs.sql")) {
        if (!dialect.has("common", f)) {
          missing.add(dialect + " common/" + f);
        }
      }
      for (WarehouseJob<?> job : JOBS) {
        for (TableDef t : TableDef.loadAll(job.name(), job.finalTables())) {
          t.customChecks(dialect).forEach(c -> assertThat(c.sql().text()).isNotBlank());
        }
        job.summaryQueries().values().stream()
            .filter(f -> !dialect.has(job.name(), f))
            .forEach(f -> missing.add(dialect + " " + job.name() + "/" + f));
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  public void redshiftDdlGivesEveryNumericAnExplicitPrecisionAndScaleAndNoUnboundedText() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> ddl : redshiftDdl().entrySet()) {
      String sql = withoutComments(ddl.getValue());
      Matcher numeric =
          Pattern.compile("(?i)\\b(numeric|decimal)\\b(?!\\s*\\(\\s*\\d+\\s*,\\s*\\d+\\s*\\))")
              .matcher(sql);
      if (numeric.find()) {
        problems.add(ddl.getKey() + ": numeric without (precision, scale)");
      }
      if (Pattern.compile("(?i)\\btext\\b|create\\s+index").matcher(sql).find()) {
        problems.add(
            ddl.getKey() + ": text (256 characters on Redshift) or an index (Redshift has none)");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(redshiftDdl()).hasSize(RUN_TABLES.size() + 7 + 18);
  }

  @Test
  public void redshiftCopiesSmallDimensionsToEveryNodeAndDistributesFactsOnAKeySortedByTime() {
    Map<String, String> ddl = redshiftDdl();
    for (WarehouseJob<?> job : JOBS) {
      for (String t : job.finalTables()) {
        String sql = withoutComments(ddl.get(job.name() + "/" + t)).toLowerCase();
        if (t.startsWith("d_") && !LARGE_DIMENSIONS.contains(t)) {
          assertThat(sql).as(t).contains("diststyle all");
        } else if (t.startsWith("f_") || LARGE_DIMENSIONS.contains(t)) {
          assertThat(sql)
              .as(t)
              .containsPattern("distkey \\([a-z_]+\\)")
              .containsPattern("sortkey \\(");
        } else {
          // Bridge tables (movie_genre, movie_cast …): a declared choice either way, sorted.
          assertThat(sql)
              .as(t)
              .containsPattern("diststyle all|distkey \\(")
              .containsPattern("sortkey \\(");
        }
      }
    }
    assertThat(withoutComments(ddl.get("sparkify/f_songplay"))).contains("sortkey (start_time)");
    assertThat(withoutComments(ddl.get("movalytics/f_rating")))
        .contains("distkey (movie_id)")
        .contains("sortkey (rated_at)");
    // Staging for the big fact is distributed like the fact, so its MERGE joins slice by slice.
    assertThat(withoutComments(ddl.get("movalytics/s_rating"))).contains("distkey (movie_id)");
  }

  @Test
  public void redshiftSqlWithoutItsStorageClausesBuildsTheSameWarehouseOnPostgres()
      throws SQLException {
    for (WarehouseJob<?> job : JOBS) {
      DB.execute("drop schema public cascade; create schema public");
      String sample = job.name().equals("sparkify") ? "samples/sparkify" : "samples/movalytics";
      TestWarehouse.Run run =
          DB.run(job, "--input=" + java.nio.file.Path.of(sample).toAbsolutePath());
      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
      String runId = run.runId();

      try (Connection pg = schema("postgres_dialect", job, Dialect.POSTGRES);
          Connection rs = schema("rs_dialect", job, Dialect.REDSHIFT)) {
        // 1. The staged rows of the run, as they are.
        Map<String, Long> pgChanged = merge(pg, job, Dialect.POSTGRES, runId);
        Map<String, Long> rsChanged = merge(rs, job, Dialect.REDSHIFT, runId);
        assertThat(fingerprints(rs, job)).isEqualTo(fingerprints(pg, job));
        assertThat(rsChanged).isEqualTo(pgChanged);
        assertThat(rsChanged.values()).allMatch(n -> n > 0);

        // 2. A later load that changes values, nulls values and brings newer events: the update
        //    branches (and the "only if more recent / more complete" rules) of every MERGE.
        for (Connection c : List.of(pg, rs)) {
          try (Statement st = c.createStatement()) {
            for (String change : changes(job)) {
              st.execute(change);
            }
          }
        }
        pgChanged = merge(pg, job, Dialect.POSTGRES, runId);
        rsChanged = merge(rs, job, Dialect.REDSHIFT, runId);
        assertThat(fingerprints(rs, job)).isEqualTo(fingerprints(pg, job));
        assertThat(rsChanged).isEqualTo(pgChanged);
        assertThat(rsChanged.values().stream().mapToLong(Long::longValue).sum()).isPositive();

        // 3. The same rows again: nothing changes in either dialect.
        Map<String, String> before = fingerprints(rs, job);
        assertThat(merge(rs, job, Dialect.REDSHIFT, runId).values()).allMatch(n -> n == 0);
        assertThat(merge(pg, job, Dialect.POSTGRES, runId).values()).allMatch(n -> n == 0);
        assertThat(fingerprints(rs, job)).isEqualTo(before).isEqualTo(fingerprints(pg, job));
      }
    }
  }

  @Test
  public void aRedshiftUrlSelectsTheRedshiftDriverAndDialect() {
    Warehouse redshift = Warehouse.of("jdbc:redshift://127.0.0.1:1/dev", "etl", "secret");

    assertThat(redshift.dialect()).isEqualTo(Dialect.REDSHIFT);
    assertThat(redshift.toString()).doesNotContain("secret");
    assertThatThrownBy(redshift::connect)
        .isInstanceOf(SQLException.class)
        .hasMessageNotContaining("not on the classpath");
    try {
      assertThat(DriverManager.getDriver("jdbc:redshift://127.0.0.1:1/dev").getClass().getName())
          .startsWith("com.amazon.redshift.");
    } catch (SQLException e) {
      throw new AssertionError("no JDBC driver accepts jdbc:redshift:// URLs", e);
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  private static void requireOwn(List<String> missing, String path) {
    if (!SqlScript.exists(path)) {
      missing.add(path);
    }
  }

  /** job/table → Redshift DDL text, for the run tables (as common/…) and both warehouses. */
  private static Map<String, String> redshiftDdl() {
    Map<String, String> ddl = new LinkedHashMap<>();
    RUN_TABLES.forEach(
        t -> ddl.put("common/" + t, Dialect.REDSHIFT.script("common", "ddl/" + t + ".sql").text()));
    for (WarehouseJob<?> job : JOBS) {
      List<String> tables = new ArrayList<>(job.stagingTables());
      tables.addAll(job.finalTables());
      TableDef.loadAll(job.name(), tables)
          .forEach(t -> ddl.put(job.name() + "/" + t.name(), t.ddl(Dialect.REDSHIFT).text()));
    }
    return ddl;
  }

  private static String withoutComments(String sql) {
    return sql.replaceAll("--[^\\n]*", "");
  }

  /**
   * A schema holding one dialect's tables (Redshift's stripped of its storage clauses) and a copy
   * of the run's staged rows; the returned connection works in it.
   */
  private static Connection schema(String schema, WarehouseJob<?> job, Dialect dialect)
      throws SQLException {
    Connection c = DB.warehouse().connect();
    try (Statement st = c.createStatement()) {
      st.execute("drop schema if exists " + schema + " cascade");
      st.execute("create schema " + schema);
      st.execute("set search_path to " + schema);
      // Redshift's getdate() (a column default), which PostgreSQL lacks.
      st.execute(
          "create function getdate() returns timestamp language sql as 'select localtimestamp'");
      List<String> tables = new ArrayList<>(RUN_TABLES);
      List<String> jobTables = new ArrayList<>(job.stagingTables());
      jobTables.addAll(job.finalTables());
      for (String t : tables) {
        st.execute(ddlForPostgres(dialect.script("common", "ddl/" + t + ".sql").text()));
      }
      for (TableDef t : TableDef.loadAll(job.name(), jobTables)) {
        st.execute(ddlForPostgres(t.ddl(dialect).text()));
      }
      for (String t : job.stagingTables()) {
        st.execute("insert into " + schema + "." + t + " select * from public." + t);
      }
    }
    return c;
  }

  private static String ddlForPostgres(String ddl) {
    return REDSHIFT_ONLY.matcher(ddl).replaceAll("");
  }

  /**
   * Runs the dialect's MERGE files in the job's order, in one transaction; rows changed per table.
   */
  private static Map<String, Long> merge(
      Connection c, WarehouseJob<?> job, Dialect dialect, String runId) throws SQLException {
    Map<String, Long> changed = new LinkedHashMap<>();
    c.setAutoCommit(false);
    for (TableDef t : TableDef.loadAll(job.name(), job.finalTables())) {
      SqlScript sql = t.merge(dialect);
      assertThat(sql.name()).endsWith("/merge." + dialect.folder() + ".sql");
      changed.put(
          t.name(), SqlRunner.execute(c, sql, Map.of("run_id", runId), st -> st.writes(t.name())));
    }
    c.commit();
    c.setAutoCommit(true);
    return changed;
  }

  private static Map<String, String> fingerprints(Connection c, WarehouseJob<?> job)
      throws SQLException {
    return TestWarehouse.fingerprints(c, job.finalTables());
  }

  /** Staging edits that make a second MERGE update rows, null values and add newer events. */
  private static List<String> changes(WarehouseJob<?> job) {
    if (job.name().equals("sparkify")) {
      return List.of(
          "update s_song set title = title || ' (live)', year = case when year is null then 1999"
              + " end where song_id = (select min(song_id) from s_song)",
          // A more complete variant (coordinates and a location) for artists that had none.
          "update s_song set artist_location = 'Nowhere, NV', artist_latitude = 1.5,"
              + " artist_longitude = -2.25 where artist_location is null",
          // Newer events: every level flips, one location disappears, timestamps move an hour on.
          "update s_songplay_event set level = case level when 'free' then 'paid' else 'free' end,"
              + " ts = ts + interval '1 hour'",
          "update s_songplay_event set location = null where line = (select min(line) from"
              + " s_songplay_event)");
    }
    return List.of(
        "update s_cpi set cpi = cpi + 1 where month_start = (select max(month_start) from s_cpi)",
        "update s_movie set title = null, budget = coalesce(budget, 0) + 1, release_date ="
            + " release_date + interval '1 day'",
        "update s_movie_genre set genre_name = genre_name || '!'",
        "update s_movie_keyword set keyword_name = upper(keyword_name)",
        "update s_movie_cast set character = null, person_name = person_name || ' Jr.'",
        "update s_movie_crew set job = 'Director' where job <> 'Director'",
        // Newer ratings replace older ones; an older one (minus a year) would not.
        "update s_rating set rating = 5.5 - rating, rated_at = rated_at + interval '1 day' where"
            + " user_id % 2 = 0",
        "update s_rating set rating = 5.5 - rating, rated_at = rated_at - interval '1 year' where"
            + " user_id % 2 = 1");
  }
}
