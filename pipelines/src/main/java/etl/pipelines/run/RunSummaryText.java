package etl.pipelines.run;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link RunSummary} for people: what ran, where the time went, what was read and checked. */
final class RunSummaryText {
  private RunSummaryText() {}

  /**
   * Where the time went: the MERGE step reports its phases; the rest of the run is preparing,
   * reading, parsing and staging.
   */
  private static void printTimes(RunSummary s, PrintStream out) {
    Map<String, Long> ms = s.timeMs();
    if (ms.isEmpty()) {
      return;
    }
    double merging = ms.values().stream().mapToLong(Long::longValue).sum() / 1000.0;
    out.println();
    out.println("Time (s)");
    out.printf(
        Locale.ROOT, "  %-32s %8.1f%n", "prepare, read, parse, stage", s.seconds() - merging);
    // In the order they ran: statistics on staging, the MERGEs, then the checks.
    ms.entrySet().stream()
        .sorted(
            Comparator.comparingInt(
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

  static void print(RunSummary s, PrintStream out) {
    out.println();
    out.printf(
        Locale.ROOT,
        "%s run %s: %s in %.1f s%n",
        s.pipeline(),
        s.runId(),
        s.status().toUpperCase(Locale.ROOT),
        s.seconds());
    if (s.message() != null) {
      out.println("  " + s.message());
    }
    printTimes(s, out);
    printRead(s, out);
    printRows(s, out);
    printDeadLetters(s, out);
    printChecks(s, out);
    out.flush();
  }

  /** The incremental inputs' files, every step's counters, each source's balance. */
  private static void printRead(RunSummary s, PrintStream out) {
    if (!s.files().isEmpty()) {
      out.println();
      out.println("Files of incremental inputs (etl_loaded_file)");
      s.files().forEach(f -> out.println("  " + f.text()));
    }
    if (!s.stepMetrics().isEmpty()) {
      out.println();
      out.println("Steps (records)");
      s.stepMetrics()
          .forEach(
              (step, counters) -> {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", step));
                counters.forEach(
                    (name, v) -> line.append(String.format(Locale.ROOT, " %s=%d", name, v)));
                out.println(line);
              });
    }
    if (!s.accounting().isEmpty()) {
      out.println();
      out.println("Accounting (read = loaded + dead-lettered + filtered)");
      for (Accounting.Balance b : s.accounting()) {
        out.printf(Locale.ROOT, "  %-3s %s%n", b.balanced() ? "ok" : "BAD", b);
      }
    }
  }

  private static void printRows(RunSummary s, PrintStream out) {
    out.println();
    out.println("Staged this run");
    s.stagedRows().forEach((t, n) -> out.printf(Locale.ROOT, "  %-24s %,12d%n", t, n));
    out.println("Warehouse tables (rows after the run)");
    s.tableRows().forEach((t, n) -> out.printf(Locale.ROOT, "  %-24s %,12d%n", t, n));
  }

  /** Dead letters by step and reason, then the warehouse's own summary queries. */
  private static void printDeadLetters(RunSummary s, PrintStream out) {
    out.println();
    long total =
        s.deadLetters().stream().mapToLong(d -> ((Number) d.get("records")).longValue()).sum();
    out.printf(
        Locale.ROOT, "Dead letters: %,d (etl_dead_letter where run_id = '%s')%n", total, s.runId());
    for (Map<String, Object> d : s.deadLetters()) {
      out.printf(
          Locale.ROOT,
          "  %-24s %-22s %,8d%n",
          d.get("step"),
          d.get("reason"),
          ((Number) d.get("records")).longValue());
    }
    for (Map.Entry<String, List<Map<String, Object>>> q : s.jobQueries().entrySet()) {
      out.println();
      out.println(q.getKey());
      for (Map<String, Object> row : q.getValue()) {
        StringBuilder line = new StringBuilder(" ");
        row.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        out.println(line);
      }
    }
  }

  private static void printChecks(RunSummary s, PrintStream out) {
    out.println();
    long failed = s.checks().stream().filter(r -> "fail".equals(r.get("status"))).count();
    out.printf(
        Locale.ROOT, "Checks: %d of %d passed%n", s.checks().size() - failed, s.checks().size());
    for (Map<String, Object> r : s.checks()) {
      if ("fail".equals(r.get("status"))) {
        out.printf(
            Locale.ROOT,
            "  FAIL %s: %s violating rows, e.g. %s%n",
            r.get("check_name"),
            r.get("violations"),
            r.get("sample"));
      }
    }
  }
}
