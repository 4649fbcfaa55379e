package etl.transforms.record;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/**
 * A record that could not be read, parsed or validated, with everything needed to find and fix it:
 * the step that rejected it, its source URI and position, a machine-readable reason code, a human
 * message and the raw text (truncated to {@link DeadLetterText#MAX_RAW_CHARS}).
 *
 * <p>All failures of a run end in the one {@code etl_dead_letter} table; nothing is dropped.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class DeadLetter {
  public abstract String getStep();

  public abstract String getSource();

  public abstract long getPosition();

  public abstract String getReason();

  public abstract String getMessage();

  public abstract String getRaw();

  /** The message and raw text are truncated and made storable (no NUL, valid text). */
  public static DeadLetter create(
      String step, String source, long position, String reason, String message, String raw) {
    return new AutoValue_DeadLetter(
        step,
        source,
        position,
        reason,
        message == null ? "" : DeadLetterText.storable(DeadLetterText.truncate(message, 1000)),
        raw == null ? "" : DeadLetterText.storable(DeadLetterText.truncate(raw)));
  }

  /** The schema coder of dead letters, for outputs whose coder Beam cannot infer. */
  public static Coder<DeadLetter> coder(org.apache.beam.sdk.Pipeline p) {
    try {
      return p.getSchemaRegistry().getSchemaCoder(DeadLetter.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
  }

  public static DeadLetter of(String step, SourceRecord record, String reason, String message) {
    return create(
        step, record.getSource(), record.getPosition(), reason, message, record.getText());
  }

  @Override
  public final String toString() {
    return getStep()
        + " "
        + getSource()
        + ":"
        + getPosition()
        + " "
        + getReason()
        + " ("
        + getMessage()
        + ")";
  }
}
