package etl.transforms.record;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/**
 * One raw record as read from an input file, before any parsing: where it came from and its text.
 *
 * <p>{@code position} is the 1-based line number for line-oriented sources and the 1-based record
 * number for whole-file sources (so always 1 there). Every dead letter carries the same pair, so a
 * failure can be traced back to the exact bytes that caused it.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
public abstract class SourceRecord {
  public abstract String getSource();

  public abstract long getPosition();

  public abstract String getText();

  public static SourceRecord create(String source, long position, String text) {
    return new AutoValue_SourceRecord(source, position, text);
  }

  @Override
  public final String toString() {
    return getSource() + ":" + getPosition() + ": " + DeadLetterText.truncate(getText(), 200);
  }
}
