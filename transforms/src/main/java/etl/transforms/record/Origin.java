package etl.transforms.record;

/**
 * A parsed record that remembers where it was read, so a later step (a join, a de-duplication) can
 * still dead-letter it with its source and position. The raw text of such a dead letter is the
 * record's {@code toString()}.
 */
public interface Origin {
  /** The file it was read from. */
  String getSource();

  /** Its line in that file (1-based), or 1 for a file that is one record. */
  long getLine();
}
