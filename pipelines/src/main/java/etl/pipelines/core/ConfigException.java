package etl.pipelines.core;

/**
 * A mistake in how the program was started (a missing input, an unreachable database, a bad
 * option). Reported as one clear line and exit code 2, never as a stack trace.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
