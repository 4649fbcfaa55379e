package etl.pipelines.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.joda.time.Duration;

/**
 * What a long run is doing, from the pipeline's Beam metrics while it runs: files listed, records
 * read and parsed, rows staged, dead letters; then the MERGE steps and the checks. On a terminal
 * one line is rewritten in place; otherwise (a log file, a scheduler) plain lines, no control
 * characters, at most one per interval.
 */
final class Progress {
  private final PrintStream out;
  private final boolean terminal;
  private final long intervalMillis;
  private final long started = System.nanoTime();
  private int lastLength;

  Progress(PrintStream out, boolean terminal, long intervalMillis) {
    this.out = out;
    this.terminal = terminal;
    this.intervalMillis = intervalMillis;
  }

  /** Progress on stderr: in place on a terminal, else a line every {@code seconds}. */
  static Progress onStderr(PrintStream err, int seconds) {
    boolean terminal = System.console() != null && err == System.err;
    return new Progress(err, terminal, (terminal ? 1 : Math.max(1, seconds)) * 1000L);
  }

  /** Waits for the pipeline, reporting its counters as it goes. */
  PipelineResult.State watch(PipelineResult result) {
    PipelineResult.State state = result.getState();
    while (state == null || !state.isTerminal()) {
      state = result.waitUntilFinish(Duration.millis(intervalMillis));
      if (state == null || !state.isTerminal()) {
        update(counters(result));
      }
    }
    update(counters(result));
    done();
    return state;
  }

  private static Map<String, Map<String, Long>> counters(PipelineResult result) {
    try {
      return RunFigures.countersByStep(result.metrics().allMetrics());
    } catch (RuntimeException e) {
      return Map.of(); // a runner that cannot report while running
    }
  }

  /** One step of the publishing phase (a MERGE, the checks). */
  void step(String what) {
    print(String.format(Locale.ROOT, "[%s] %s", elapsed(), what));
    done();
  }

  void update(Map<String, Map<String, Long>> byStep) {
    long files = 0;
    long read = 0;
    long parsed = 0;
    long staged = 0;
    long deadLetters = 0;
    for (Map.Entry<String, Map<String, Long>> step : byStep.entrySet()) {
      Map<String, Long> c = step.getValue();
      if (step.getKey().startsWith("Read")) {
        files += c.getOrDefault("files", 0L);
        read += c.getOrDefault("records", 0L);
      }
      parsed += c.getOrDefault("parsed", 0L);
      deadLetters += c.getOrDefault("dead_letters", 0L);
      for (Map.Entry<String, Long> counter : c.entrySet()) {
        if (counter.getKey().endsWith("_rows") && !counter.getKey().startsWith("etl_")) {
          staged += counter.getValue();
        }
      }
    }
    print(
        String.format(
            Locale.ROOT,
            "[%s] reading: %,d files, %,d records read, %,d parsed, %,d rows staged, %,d dead"
                + " letters",
            elapsed(),
            files,
            read,
            parsed,
            staged,
            deadLetters));
  }

  private void print(String line) {
    if (terminal) {
      int pad = Math.max(0, lastLength - line.length());
      out.print("\r" + line + " ".repeat(pad));
      lastLength = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Ends the line rewritten in place, so what follows starts on a line of its own. */
  void done() {
    if (terminal && lastLength > 0) {
      out.println();
      lastLength = 0;
    }
  }

  private String elapsed() {
    long s = (System.nanoTime() - started) / 1_000_000_000L;
    return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }
}
