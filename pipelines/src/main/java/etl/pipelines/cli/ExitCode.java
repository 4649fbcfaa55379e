package etl.pipelines.cli;

import etl.pipelines.run.RunSummary;

/** The process's exit codes (also in {@code --help} and docs/USAGE.md). */
public enum ExitCode {
  /** Done: the run published and every check passed. */
  OK(0),
  /** The run failed (the summary says why); final tables unchanged. */
  FAILED(1),
  /** A configuration mistake: missing input, bad option, unreachable database or endpoint. */
  CONFIG_ERROR(2),
  /** Data-quality checks failed; the MERGE was rolled back, final tables unchanged. */
  CHECKS_FAILED(3),
  /** Another run of the same warehouse was loading it; nothing was done. */
  BUSY(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** A finished run's code: its status, or FAILED when its outcome could not be recorded. */
  static ExitCode of(RunSummary summary) {
    if (summary.notRecorded() != null) {
      return FAILED;
    }
    return switch (summary.status()) {
      case "succeeded" -> OK;
      case "failed_checks" -> CHECKS_FAILED;
      default -> FAILED;
    };
  }

  /** The footer of the top-level help. */
  static String[] describe() {
    return new String[] {
      "  0  done: the run published and every check passed",
      "  1  the run failed (the summary says why); final tables unchanged",
      "  2  configuration mistake (missing input, bad option, unreachable database or endpoint)",
      "  3  data-quality checks failed; the MERGE was rolled back, final tables unchanged",
      "  4  another run of the same warehouse was loading it; nothing was done",
      "",
      "Run 'warehouse-etl <command> --help' for a command's options and examples."
    };
  }
}
