package etl.transforms.record;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * A record that could not be read, parsed or validated, with everything needed to find and fix it:
 * the step that rejected it, its source URI and position, a machine-readable reason code, a human
 * message and the raw text (truncated to {@link DeadLetterText#MAX_RAW_CHARS}).
 *
 * <p>All failures of a run end in the one {@code etl_dead_letter} table; nothing is dropped.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class DeadLetter {
  public final String step;
  public final String source;
  public final long position;
  public final String reason;
  public final String message;
  public final String raw;

  @SchemaCreate
  public DeadLetter(
      String step, String source, long position, String reason, String message, String raw) {
    this.step = step;
    this.source = source;
    this.position = position;
    this.reason = reason;
    this.message =
        message == null ? "" : DeadLetterText.storable(DeadLetterText.truncate(message, 1000));
    this.raw = raw == null ? "" : DeadLetterText.storable(DeadLetterText.truncate(raw));
  }

  /** The schema coder of dead letters, for outputs whose coder Beam cannot infer. */
  public static org.apache.beam.sdk.coders.Coder<DeadLetter> coder(org.apache.beam.sdk.Pipeline p) {
    try {
      return p.getSchemaRegistry().getSchemaCoder(DeadLetter.class);
    } catch (org.apache.beam.sdk.schemas.NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
  }

  public static DeadLetter of(String step, SourceRecord record, String reason, String message) {
    return new DeadLetter(step, record.source, record.position, reason, message, record.text);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DeadLetter)) {
      return false;
    }
    DeadLetter that = (DeadLetter) o;
    return position == that.position
        && step.equals(that.step)
        && source.equals(that.source)
        && reason.equals(that.reason)
        && message.equals(that.message)
        && raw.equals(that.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, source, position, reason, message, raw);
  }

  @Override
  public String toString() {
    return step + " " + source + ":" + position + " " + reason + " (" + message + ")";
  }
}
