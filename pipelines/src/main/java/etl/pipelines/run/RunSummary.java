package etl.pipelines.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run did: one model, written for people ({@link RunSummaryText}), as JSON for schedulers
 * and alerting ({@link #writeJson}), and into {@code etl_run} ({@link RunRecord}); the figures are
 * read back from the warehouse and the pipeline's metrics by {@link RunFigures}.
 *
 * @param files what each incremental input's listing found and what the run read of it
 * @param timeMs the publishing phases (analyze, each MERGE, the checks), in milliseconds
 * @param stepMetrics the pipeline's counters by step, printed, not stored
 * @param jobQueries the warehouse's own summary queries (e.g. match rates), printed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "pipeline",
  "run_id",
  "status",
  "exit_code",
  "seconds",
  "message",
  "recorded_in_etl_run",
  "files",
  "accounting",
  "staged_rows",
  "table_rows",
  "dead_letters",
  "checks",
  "time_ms"
})
public record RunSummary(
    String pipeline,
    @JsonInclude(JsonInclude.Include.ALWAYS) String runId,
    String status,
    Integer exitCode,
    Double seconds,
    String message,
    Boolean recordedInEtlRun,
    List<FileRow> files,
    List<Accounting.Balance> accounting,
    Map<String, Long> stagedRows,
    Map<String, Long> tableRows,
    List<Map<String, Object>> deadLetters,
    List<Map<String, Object>> checks,
    Map<String, Long> timeMs,
    @JsonIgnore Map<String, Map<String, Long>> stepMetrics,
    @JsonIgnore Map<String, List<Map<String, Object>>> jobQueries,
    @JsonIgnore String notRecorded) {

  /** snake_case names, as in the tables: the JSON file and etl_run's JSON columns. */
  static final ObjectMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  /** One incremental input's files: listed, read, already loaded. */
  public record FileRow(
      String step, int listed, int read, int alreadyLoaded, boolean fullRefresh, String text) {
    static FileRow of(FileManifest.Selection s) {
      return new FileRow(
          s.step(),
          s.listed(),
          s.toRead().size(),
          s.fullRefresh() ? 0 : s.alreadyLoaded(),
          s.fullRefresh(),
          s.toString());
    }

    @Override
    @JsonIgnore
    public String text() {
      return text;
    }
  }

  /** The summary of a run that did not start (a configuration mistake, or another run loading). */
  public static RunSummary notRun(String pipeline, String status, int exitCode, String message) {
    return new RunSummary(
        pipeline, null, status, exitCode, null, message, null, null, null, null, null, null, null,
        null, null, null, null);
  }

  /** Succeeded, failed or failed_checks. */
  @Override
  public String status() {
    return status;
  }

  /** The same summary, with whether (and why not) it was written into etl_run. */
  RunSummary recorded(String whyNot) {
    return with(exitCode, whyNot);
  }

  /** The summary as JSON, with the process's exit code. */
  public void writeJson(Path file, int code) throws IOException {
    RunSummary withCode = with(code, notRecorded);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), withCode);
  }

  private RunSummary with(Integer code, String whyNot) {
    return new RunSummary(
        pipeline,
        runId,
        status,
        code,
        seconds,
        message,
        runId == null ? null : whyNot == null,
        files,
        accounting,
        stagedRows,
        tableRows,
        deadLetters,
        checks,
        timeMs,
        stepMetrics,
        jobQueries,
        whyNot);
  }

  public void print(PrintStream out) {
    RunSummaryText.print(this, out);
  }
}
