package etl.pipelines.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import etl.pipelines.core.Errors;
import etl.transforms.jdbc.Retry;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A run's outcome in its {@code etl_run} row: status, message, rows, dead letters, accounting. */
final class RunRecord {
  private RunRecord() {}

  /** Writes the summary into the run's row; returns why it could not, or null. */
  static String write(RunSummary summary, Warehouse warehouse) {
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.putAll(summary.stagedRows());
    rows.putAll(summary.tableRows());
    Map<String, Long> byReason = new TreeMap<>();
    for (Map<String, Object> d : summary.deadLetters()) {
      byReason.merge(
          d.get("step") + "/" + d.get("reason"),
          ((Number) d.get("records")).longValue(),
          Long::sum);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("run_id", summary.runId());
    p.put("ended_at", Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
    p.put("status", summary.status());
    try {
      p.put("rows_per_table", RunSummary.JSON.writeValueAsString(rows));
      p.put("dead_letters_by_reason", RunSummary.JSON.writeValueAsString(byReason));
      p.put("accounting", RunSummary.JSON.writeValueAsString(summary.accounting()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    p.put("message", summary.message());
    try {
      Retry.DEFAULT.call(
          "recording run " + summary.runId(),
          () -> {
            try (Connection c = warehouse.connect()) {
              return SqlRunner.execute(
                  c, warehouse.dialect().script("common", "run_finish.sql"), p);
            }
          });
      return null;
    } catch (SQLException e) {
      return Errors.firstLine(e.getMessage());
    }
  }
}
