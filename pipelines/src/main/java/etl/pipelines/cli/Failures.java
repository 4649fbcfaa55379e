package etl.pipelines.cli;

import etl.pipelines.core.ConfigException;
import etl.pipelines.core.Errors;
import etl.pipelines.run.RunLock;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A command's failure as one line on stderr and its exit code: never a bare stack trace. */
final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  static ExitCode report(Exception e, PrintStream err) {
    if (e instanceof ConfigException) {
      err.println("error: " + e.getMessage());
      return ExitCode.CONFIG_ERROR;
    }
    if (e instanceof RunLock.Busy) {
      err.println("error: " + e.getMessage());
      return ExitCode.BUSY;
    }
    if (e instanceof SQLException || e instanceof IOException) {
      err.println("error: " + Errors.firstLine(e.getMessage()));
      return ExitCode.FAILED;
    }
    LOG.error("Unexpected failure", e);
    err.println("error: unexpected failure: " + Errors.rootMessage(e));
    return ExitCode.FAILED;
  }
}
