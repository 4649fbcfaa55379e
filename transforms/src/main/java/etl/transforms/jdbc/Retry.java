package etl.transforms.jdbc;

import java.io.Serializable;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries database work that failed for a reason that may pass: a lost or refused connection
 * (SQLState class 08, a terminated backend 57P01, a server starting or shutting down 57P03), a
 * serialization failure (40001) or a deadlock (40P01). Waits {@code initialDelay}, then twice as
 * long each time, up to {@code maxAttempts} attempts in all; any other error is thrown at once. The
 * work must be safe to repeat: a whole transaction, a connection attempt.
 */
public final class Retry implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
  private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "57P01", "57P03");

  /** The default: 5 attempts over about 15 s (1, 2, 4, 8 s between them). */
  public static final Retry DEFAULT = new Retry(5, Duration.ofSeconds(1));

  private final int maxAttempts;
  private final long initialDelayMillis;

  private Retry(int maxAttempts, Duration initialDelay) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.initialDelayMillis = initialDelay.toMillis();
  }

  public static Retry of(int maxAttempts, Duration initialDelay) {
    return new Retry(maxAttempts, initialDelay);
  }

  /** Work that may throw an SQLException. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  /** Whether an error (or one it wraps) is one that may pass if the work is tried again. */
  public static boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  public <T> T call(String what, Work<T> work) throws SQLException {
    long delay = initialDelayMillis;
    for (int attempt = 1; ; attempt++) {
      try {
        return work.run();
      } catch (SQLException e) {
        if (!isTransient(e)) {
          throw e;
        }
        if (attempt >= maxAttempts) {
          throw new SQLException(
              what
                  + " failed "
                  + attempt
                  + " times for a transient reason; giving up: "
                  + e.getMessage(),
              e.getSQLState(),
              e);
        }
        LOG.warn(
            "{} failed (attempt {} of {}, SQLState {}): {}; retrying in {} ms",
            what,
            attempt,
            maxAttempts,
            e.getSQLState(),
            e.getMessage(),
            delay);
        sleep(delay);
        delay *= 2;
      }
    }
  }

  private static void sleep(long millis) throws SQLException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting to retry", e);
    }
  }
}
