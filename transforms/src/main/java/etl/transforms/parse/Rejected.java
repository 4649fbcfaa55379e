package etl.transforms.parse;

import java.util.Objects;

/**
 * Thrown by a {@link RecordParser} for a record that must go to the dead-letter table. The reason
 * is a stable snake_case code (counted per run); the message says what exactly was wrong.
 */
public final class Rejected extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public Rejected(String reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String reason() {
    return reason;
  }
}
