package etl.pipelines.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import etl.transforms.jdbc.Retry;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import etl.transforms.sql.SqlScript;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;

/**
 * What a run did, read back from the warehouse (rows, dead letters, checks, the job's own summary
 * queries) and from Beam metrics (records read and parsed per step): printed for people and
 * recorded in {@code etl_run}.
 */
public final class RunSummary {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String pipeline;
  private final String runId;
  private final String status;
  private final String message;
  private final double seconds;
  private final Map<String, Map<String, Long>> stepMetrics;
  private final List<Accounting.Balance> balances;
  private final List<FileManifest.Selection> files;
  private final Map<String, Long> mergeMillis;
  private final Map<String, Long> stagedRows;
  private final Map<String, Long> tableRows;
  private final List<Map<String, Object>> deadLetters;
  private final Map<String, List<Map<String, Object>>> jobQueries;
  private final List<Map<String, Object>> checks;

  private RunSummary(
      String pipeline,
      String runId,
      String status,
      String message,
      double seconds,
      Map<String, Map<String, Long>> stepMetrics,
      List<Accounting.Balance> balances,
      List<FileManifest.Selection> files,
      Map<String, Long> mergeMillis,
      Map<String, Long> stagedRows,
      Map<String, Long> tableRows,
      List<Map<String, Object>> deadLetters,
      Map<String, List<Map<String, Object>>> jobQueries,
      List<Map<String, Object>> checks) {
    this.pipeline = pipeline;
    this.runId = runId;
    this.status = status;
    this.message = message;
    this.seconds = seconds;
    this.stepMetrics = stepMetrics;
    this.balances = balances;
    this.files = files;
    this.mergeMillis = mergeMillis;
    this.stagedRows = stagedRows;
    this.tableRows = tableRows;
    this.deadLetters = deadLetters;
    this.jobQueries = jobQueries;
    this.checks = checks;
  }

  static RunSummary collect(
      WarehouseJob<?> job,
      Warehouse warehouse,
      String runId,
      Map<String, Map<String, Long>> counters,
      List<Accounting.Balance> balances,
      List<FileManifest.Selection> files,
      Map<String, Long> mergeMillis,
      Throwable failure,
      double seconds) {
    Map<String, Long> staged = new LinkedHashMap<>();
    Map<String, Long> tables = new LinkedHashMap<>();
    List<Map<String, Object>> deadLetters = new ArrayList<>();
    Map<String, List<Map<String, Object>>> queries = new LinkedHashMap<>();
    List<Map<String, Object>> checks = new ArrayList<>();
    Map<String, Object> params = Map.of("run_id", runId);
    String summaryError = null;
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
          SqlRunner.queryAll(c, warehouse.dialect().script("common", "check_results.sql"), params);
      if (failure == null) {
        for (Map.Entry<String, String> q : job.summaryQueries().entrySet()) {
          queries.put(
              q.getKey(),
              SqlRunner.queryAll(c, warehouse.dialect().script(job.name(), q.getValue()), params));
        }
      }
    } catch (SQLException e) {
      summaryError = "could not read the run's figures back: " + e.getMessage();
    }
    // A failed check rolls the MERGE back without failing the pipeline (MergeAndCheck); the
    // recorded results say so.
    List<String> failedChecks =
        checks.stream()
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
        !failedChecks.isEmpty() ? "failed_checks" : failure == null ? "succeeded" : "failed";
    String message =
        !failedChecks.isEmpty()
            ? "Data-quality checks failed, MERGE rolled back, final tables unchanged: "
                + String.join(" | ", failedChecks)
            : failure == null ? summaryError : JobRunner.rootMessage(failure);
    return new RunSummary(
        job.name(),
        runId,
        status,
        message,
        seconds,
        counters,
        balances,
        files,
        mergeMillis,
        staged,
        tables,
        deadLetters,
        queries,
        checks);
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

  public String status() {
    return status;
  }

  public String runId() {
    return runId;
  }

  /**
   * The summary as JSON, for schedulers and alerting: status and exit code first, then what the run
   * read, loaded, rejected and checked.
   */
  void writeJson(java.nio.file.Path file, int exitCode, String notRecorded)
      throws java.io.IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("pipeline", pipeline);
    json.put("run_id", runId);
    json.put("status", status);
    json.put("exit_code", exitCode);
    json.put("seconds", Math.round(seconds * 10) / 10.0);
    json.put("message", message);
    json.put("recorded_in_etl_run", notRecorded == null);
    List<Map<String, Object>> fileRows = new ArrayList<>();
    for (FileManifest.Selection f : files) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("step", f.step());
      row.put("listed", f.listed());
      row.put("read", f.toRead().size());
      row.put("already_loaded", f.fullRefresh() ? 0 : f.alreadyLoaded());
      row.put("full_refresh", f.fullRefresh());
      fileRows.add(row);
    }
    json.put("files", fileRows);
    json.put("accounting", Accounting.asRows(balances));
    json.put("staged_rows", stagedRows);
    json.put("table_rows", tableRows);
    json.put("dead_letters", deadLetters);
    json.put("checks", checks);
    json.put("time_ms", mergeMillis);
    writeJsonFile(file, json);
  }

  /**
   * The summary JSON of a run that did not start (a configuration mistake, or another run loading).
   */
  static void writeNotRunJson(
      java.nio.file.Path file, String pipeline, String status, int exitCode, String message)
      throws java.io.IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("pipeline", pipeline);
    json.put("run_id", null);
    json.put("status", status);
    json.put("exit_code", exitCode);
    json.put("message", message);
    writeJsonFile(file, json);
  }

  private static void writeJsonFile(java.nio.file.Path file, Map<String, Object> json)
      throws java.io.IOException {
    java.nio.file.Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      java.nio.file.Files.createDirectories(parent);
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
  }

  /** Writes the outcome into the run's etl_run row; returns why it could not, or null. */
  String record(Warehouse warehouse) {
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.putAll(stagedRows);
    rows.putAll(tableRows);
    Map<String, Long> byReason = new TreeMap<>();
    for (Map<String, Object> d : deadLetters) {
      byReason.merge(
          d.get("step") + "/" + d.get("reason"),
          ((Number) d.get("records")).longValue(),
          Long::sum);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("run_id", runId);
    p.put("ended_at", Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
    p.put("status", status);
    try {
      p.put("rows_per_table", JSON.writeValueAsString(rows));
      p.put("dead_letters_by_reason", JSON.writeValueAsString(byReason));
      p.put("accounting", JSON.writeValueAsString(Accounting.asRows(balances)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    p.put("message", message);
    try {
      Retry.DEFAULT.call(
          "recording run " + runId,
          () -> {
            try (Connection c = warehouse.connect()) {
              return SqlRunner.execute(
                  c, warehouse.dialect().script("common", "run_finish.sql"), p);
            }
          });
      return null;
    } catch (SQLException e) {
      return JobRunner.firstLine(e.getMessage());
    }
  }

  /**
   * Where the time went: the MERGE step reports its phases; the rest of the run is preparing,
   * reading, parsing and staging.
   */
  private void printTimes(PrintStream out) {
    Map<String, Long> ms = mergeMillis;
    if (ms.isEmpty()) {
      return;
    }
    double merging = ms.values().stream().mapToLong(Long::longValue).sum() / 1000.0;
    out.println();
    out.println("Time (s)");
    out.printf(Locale.ROOT, "  %-32s %8.1f%n", "prepare, read, parse, stage", seconds - merging);
    // In the order they ran: statistics on staging, the MERGEs, then the checks.
    ms.entrySet().stream()
        .sorted(
            java.util.Comparator.comparingInt(
                (Map.Entry<String, Long> e) ->
                    e.getKey().startsWith("analyze") ? 0 : e.getKey().startsWith("merge") ? 1 : 2))
        .forEach(
            e ->
                out.printf(
                    Locale.ROOT,
                    "  %-32s %8.1f%n",
                    e.getKey().replaceFirst("_", " "),
                    e.getValue() / 1000.0));
  }

  void print(PrintStream out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "%s run %s: %s in %.1f s%n",
        pipeline,
        runId,
        status.toUpperCase(Locale.ROOT),
        seconds);
    if (message != null) {
      out.println("  " + message);
    }
    printTimes(out);
    if (!files.isEmpty()) {
      out.println();
      out.println("Files of incremental inputs (etl_loaded_file)");
      files.forEach(f -> out.println("  " + f));
    }
    if (!stepMetrics.isEmpty()) {
      out.println();
      out.println("Steps (records)");
      stepMetrics.forEach(
          (step, counters) -> {
            if (step.startsWith("Merge")) {
              return;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", step));
            counters.forEach(
                (name, v) -> line.append(String.format(Locale.ROOT, " %s=%d", name, v)));
            out.println(line);
          });
    }
    if (!balances.isEmpty()) {
      out.println();
      out.println("Accounting (read = loaded + dead-lettered + filtered)");
      for (Accounting.Balance b : balances) {
        out.printf(Locale.ROOT, "  %-3s %s%n", b.balanced() ? "ok" : "BAD", b);
      }
    }
    out.println();
    out.println("Staged this run");
    stagedRows.forEach((t, n) -> out.printf(Locale.ROOT, "  %-24s %,12d%n", t, n));
    out.println("Warehouse tables (rows after the run)");
    tableRows.forEach((t, n) -> out.printf(Locale.ROOT, "  %-24s %,12d%n", t, n));
    out.println();
    long dlTotal =
        deadLetters.stream().mapToLong(d -> ((Number) d.get("records")).longValue()).sum();
    out.printf(
        Locale.ROOT, "Dead letters: %,d (etl_dead_letter where run_id = '%s')%n", dlTotal, runId);
    for (Map<String, Object> d : deadLetters) {
      out.printf(
          Locale.ROOT,
          "  %-24s %-22s %,8d%n",
          d.get("step"),
          d.get("reason"),
          ((Number) d.get("records")).longValue());
    }
    for (Map.Entry<String, List<Map<String, Object>>> q : jobQueries.entrySet()) {
      out.println();
      out.println(q.getKey());
      for (Map<String, Object> row : q.getValue()) {
        StringBuilder line = new StringBuilder(" ");
        row.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        out.println(line);
      }
    }
    out.println();
    long failed = checks.stream().filter(r -> "fail".equals(r.get("status"))).count();
    out.printf(Locale.ROOT, "Checks: %d of %d passed%n", checks.size() - failed, checks.size());
    for (Map<String, Object> r : checks) {
      if ("fail".equals(r.get("status"))) {
        out.printf(
            Locale.ROOT,
            "  FAIL %s: %s violating rows, e.g. %s%n",
            r.get("check_name"),
            r.get("violations"),
            r.get("sample"));
      }
    }
    out.flush();
  }
}
