package etl.transforms.merge;

import etl.transforms.check.Check;
import etl.transforms.check.CheckResult;
import etl.transforms.jdbc.Retry;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import etl.transforms.sql.SqlScript;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run: executes the MERGE scripts in order and then the checks, all in one transaction,
 * and commits only when every check passes. A failed check or any SQL error rolls everything back,
 * so final tables are exactly as they were before the run.
 *
 * <p>Check results are recorded in {@code etl_check_result} on a separate connection, so they
 * survive the rollback they caused. Plain JDBC, no Beam: it runs on the driver, after the pipeline,
 * for the load and for the {@code check} command alike.
 */
public final class MergeRunner implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(MergeRunner.class);
  private static final int SAMPLE_ROWS = 3;

  private final Warehouse warehouse;
  private final String pipeline;
  private final List<String> stagingTables;
  private final List<Merge> merges;
  private final List<Check> checks;
  private final Retry retry;
  private transient java.util.function.Consumer<String> progress;

  public MergeRunner(
      Warehouse warehouse,
      String pipeline,
      List<String> stagingTables,
      List<Merge> merges,
      List<Check> checks) {
    this(warehouse, pipeline, stagingTables, merges, checks, Retry.DEFAULT);
  }

  private MergeRunner(
      Warehouse warehouse,
      String pipeline,
      List<String> stagingTables,
      List<Merge> merges,
      List<Check> checks,
      Retry retry) {
    this.warehouse = warehouse;
    this.pipeline = pipeline;
    this.stagingTables = List.copyOf(stagingTables);
    this.merges = List.copyOf(merges);
    this.checks = List.copyOf(checks);
    this.retry = retry;
  }

  /**
   * How a transaction that failed for a transient reason (lost connection, serialization failure,
   * deadlock) is tried again: rolled back, then repeated whole ({@link Retry#DEFAULT}).
   */
  public MergeRunner withRetry(Retry retry) {
    MergeRunner r = new MergeRunner(warehouse, pipeline, stagingTables, merges, checks, retry);
    r.progress = progress;
    return r;
  }

  /** Told each step as it ends ("MERGE 2 of 5: d_song, 9 rows changed", the checks). */
  public MergeRunner withProgress(java.util.function.Consumer<String> progress) {
    MergeRunner r = new MergeRunner(warehouse, pipeline, stagingTables, merges, checks, retry);
    r.progress = progress;
    return r;
  }

  /** The MERGE statement(s) that publish one final table. */
  public record Merge(String table, SqlScript sql) implements Serializable {}

  /** What a publish did: rows changed per MERGE script and every check's result. */
  public record Outcome(
      Map<String, Long> changedRows, List<CheckResult> checks, Map<String, Long> millis) {
    public List<CheckResult> failures() {
      return checks.stream().filter(c -> !c.passed()).toList();
    }

    public boolean committed() {
      return failures().isEmpty();
    }
  }

  /**
   * Merges and checks the run in one transaction, repeated whole after a transient failure; the
   * check results are recorded once, for the attempt that ended the transaction.
   */
  public Outcome run(String runId) throws SQLException {
    Outcome outcome = retry.call("MERGE and checks of run " + runId, () -> attempt(runId));
    record(runId, outcome.checks());
    return outcome;
  }

  /**
   * Runs only the checks, against the final tables as they are, in a transaction that is rolled
   * back; records nothing. {@code runId} is the run whose staging rows the run-scoped checks see.
   */
  public List<CheckResult> check(String runId) throws SQLException {
    return retry.call(
        "checks",
        () -> {
          List<CheckResult> results = new ArrayList<>();
          try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            try {
              for (Check check : checks) {
                results.add(runCheck(c, check, Map.of("run_id", runId)));
              }
            } finally {
              c.rollback();
            }
          }
          return results;
        });
  }

  private Outcome attempt(String runId) throws SQLException {
    Map<String, Object> params = Map.of("run_id", runId);
    Map<String, Long> changed = new LinkedHashMap<>();
    List<CheckResult> results = new ArrayList<>();
    Map<String, Long> millis = new LinkedHashMap<>();
    try (Connection c = warehouse.connect()) {
      c.setAutoCommit(false);
      try {
        // Fresh statistics first: without them the planner takes the just-loaded staging tables
        // for empty and picks nested loops that turn a one-second MERGE into minutes.
        long started = System.nanoTime();
        for (String table : stagingTables) {
          analyze(c, table);
        }
        started = timed(millis, "analyze_staging", started);
        int step = 0;
        for (Merge merge : merges) {
          long n = SqlRunner.execute(c, merge.sql(), params, st -> st.writes(merge.table()));
          analyze(c, merge.table());
          changed.put(merge.table(), n);
          long ms = (System.nanoTime() - started) / 1_000_000;
          started = timed(millis, "merge_" + merge.table(), started);
          step++;
          reportMerge(runId, step, merge.table(), n, ms);
        }
        for (Check check : checks) {
          results.add(runCheck(c, check, params));
        }
        timed(millis, "checks", started);
        reportChecks(runId, results);
        if (results.stream().allMatch(CheckResult::passed)) {
          c.commit();
        } else {
          c.rollback();
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    return new Outcome(changed, results, millis);
  }

  /** One MERGE done: to the progress listener if there is one, else to the log. */
  private void reportMerge(String runId, int step, String table, long n, long ms) {
    if (progress == null) {
      LOG.info(
          "{} run {}: MERGE {} of {}: {} changed {} rows in {} ms",
          pipeline,
          runId,
          step,
          merges.size(),
          table,
          n,
          ms);
    } else {
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "MERGE %d of %d: %s, %,d rows changed, %.1f s",
              step,
              merges.size(),
              table,
              n,
              ms / 1000.0));
    }
  }

  private void reportChecks(String runId, List<CheckResult> results) {
    if (progress == null) {
      LOG.info("{} run {}: {} checks done", pipeline, runId, checks.size());
    } else {
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "checks: %d of %d passed",
              results.stream().filter(CheckResult::passed).count(),
              checks.size()));
    }
  }

  /**
   * Puts the milliseconds since {@code started} into {@code millis} (the run summary prints them as
   * the time breakdown); returns the new start. No Beam counter: this runs on the driver, outside
   * any pipeline, where Beam has no metrics container (and says so with a warning).
   */
  private static long timed(Map<String, Long> millis, String step, long started) {
    long now = System.nanoTime();
    long ms = (now - started) / 1_000_000;
    millis.merge(step, ms, Long::sum);
    return now;
  }

  private void analyze(Connection c, String table) throws SQLException {
    SqlRunner.execute(
        c,
        warehouse
            .dialect()
            .script("common", "analyze_table.sql")
            .withIdentifiers(Map.of("table", table)),
        Map.of());
  }

  private static CheckResult runCheck(Connection c, Check check, Map<String, Object> params)
      throws SQLException {
    long[] count = {0};
    List<String> sample = new ArrayList<>();
    SqlRunner.query(
        c,
        check.sql(),
        params,
        row -> {
          if (count[0]++ < SAMPLE_ROWS) {
            sample.add(row.toString());
          }
          return true;
        });
    return new CheckResult(check.name(), count[0], String.join("; ", sample));
  }

  private void record(String runId, List<CheckResult> results) throws SQLException {
    SqlScript insert = warehouse.dialect().script("common", "record_check_result.sql");
    retry.call(
        "recording the check results of run " + runId,
        () -> {
          try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false); // all or none, so a repeat never doubles a result
            for (CheckResult r : results) {
              Map<String, Object> p = new LinkedHashMap<>();
              p.put("run_id", runId);
              p.put("pipeline", pipeline);
              p.put("check_name", r.name());
              p.put("status", r.passed() ? "pass" : "fail");
              p.put("violations", r.violations());
              p.put("sample", r.sample());
              SqlRunner.execute(c, insert, p);
            }
            c.commit();
          }
          return null;
        });
  }
}
