package etl.pipelines.run;

import etl.pipelines.core.Errors;
import etl.pipelines.core.WarehouseJob;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import etl.transforms.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;

/**
 * A run's figures read back from the warehouse (rows, dead letters, checks, the warehouse's own
 * summary queries) and from Beam metrics (records per step), as a {@link RunSummary}.
 */
final class RunFigures {
  private RunFigures() {}

  /** What the load knew at its end, to be completed by the warehouse's figures. */
  record Outcome(
      String runId,
      Map<String, Map<String, Long>> counters,
      List<Accounting.Balance> balances,
      List<FileManifest.Selection> files,
      Map<String, Long> mergeMillis,
      Throwable failure,
      double seconds) {}

  static RunSummary collect(WarehouseJob<?> job, Warehouse warehouse, Outcome run) {
    Figures f = new Figures();
    String summaryError = null;
    try {
      f.read(job, warehouse, run);
    } catch (SQLException e) {
      summaryError = "could not read the run's figures back: " + e.getMessage();
    }
    // A failed check rolls the MERGE back without failing the pipeline; the recorded results
    // say so.
    List<String> failedChecks =
        f.checks.stream()
            .filter(r -> "fail".equals(r.get("status")))
            .map(
                r ->
                    r.get("check_name")
                        + ": "
                        + r.get("violations")
                        + " violating rows, e.g. "
                        + r.get("sample"))
            .toList();
    String status =
        !failedChecks.isEmpty() ? "failed_checks" : run.failure() == null ? "succeeded" : "failed";
    String message =
        !failedChecks.isEmpty()
            ? "Data-quality checks failed, MERGE rolled back, final tables unchanged: "
                + String.join(" | ", failedChecks)
            : run.failure() == null ? summaryError : Errors.rootMessage(run.failure());
    return new RunSummary(
        job.name(),
        run.runId(),
        status,
        null,
        Math.round(run.seconds() * 10) / 10.0,
        message,
        null,
        run.files().stream().map(RunSummary.FileRow::of).toList(),
        run.balances(),
        f.staged,
        f.tables,
        f.deadLetters,
        f.checks,
        run.mergeMillis(),
        run.counters(),
        f.queries,
        null);
  }

  /** What the warehouse holds after the run: rows, dead letters, check results, job queries. */
  private static final class Figures {
    final Map<String, Long> staged = new LinkedHashMap<>();
    final Map<String, Long> tables = new LinkedHashMap<>();
    List<Map<String, Object>> deadLetters = new ArrayList<>();
    List<Map<String, Object>> checks = new ArrayList<>();
    final Map<String, List<Map<String, Object>>> queries = new LinkedHashMap<>();

    void read(WarehouseJob<?> job, Warehouse warehouse, Outcome run) throws SQLException {
      Map<String, Object> params = Map.of("run_id", run.runId());
      try (Connection c = warehouse.connect()) {
        for (String t : job.stagingTables()) {
          staged.put(t, count(c, warehouse, "count_run_rows.sql", t, params));
        }
        for (String t : job.finalTables()) {
          tables.put(t, count(c, warehouse, "count_rows.sql", t, params));
        }
        deadLetters =
            SqlRunner.queryAll(
                c, warehouse.dialect().script("common", "dead_letters_by_reason.sql"), params);
        checks =
            SqlRunner.queryAll(
                c, warehouse.dialect().script("common", "check_results.sql"), params);
        if (run.failure() == null) {
          for (Map.Entry<String, String> q : job.summaryQueries().entrySet()) {
            queries.put(
                q.getKey(),
                SqlRunner.queryAll(
                    c, warehouse.dialect().script(job.name(), q.getValue()), params));
          }
        }
      }
    }
  }

  private static long count(
      Connection c, Warehouse warehouse, String file, String table, Map<String, Object> params)
      throws SQLException {
    SqlScript sql =
        warehouse.dialect().script("common", file).withIdentifiers(Map.of("table", table));
    List<Map<String, Object>> rows = SqlRunner.queryAll(c, sql, params);
    return ((Number) rows.get(0).get("row_count")).longValue();
  }

  /**
   * The pipeline's counters by step (namespace) and name; empty when the pipeline did not finish.
   */
  static Map<String, Map<String, Long>> countersByStep(MetricQueryResults metrics) {
    Map<String, Map<String, Long>> byStep = new TreeMap<>();
    if (metrics == null) {
      return byStep;
    }
    for (MetricResult<Long> counter : metrics.getCounters()) {
      Long value = counter.getAttempted();
      byStep
          .computeIfAbsent(counter.getName().getNamespace(), k -> new TreeMap<>())
          .merge(counter.getName().getName(), value == null ? 0L : value, Long::sum);
    }
    return byStep;
  }
}
