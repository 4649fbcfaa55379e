package etl.transforms.record;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * One raw record as read from an input file, before any parsing: where it came from and its text.
 *
 * <p>{@code position} is the 1-based line number for line-oriented sources and the 1-based record
 * number for whole-file sources (so always 1 there). Every dead letter carries the same pair, so a
 * failure can be traced back to the exact bytes that caused it.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class SourceRecord {
  public final String source;
  public final long position;
  public final String text;

  @SchemaCreate
  public SourceRecord(String source, long position, String text) {
    this.source = source;
    this.position = position;
    this.text = text;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SourceRecord)) {
      return false;
    }
    SourceRecord that = (SourceRecord) o;
    return position == that.position && source.equals(that.source) && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, position, text);
  }

  @Override
  public String toString() {
    return source + ":" + position + ": " + DeadLetterText.truncate(text, 200);
  }
}
