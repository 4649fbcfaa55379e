package etl.transforms.io;

import etl.transforms.record.DeadLetter;
import etl.transforms.record.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one set of reading rules for every file format, applied to the records that start inside a
 * byte range of a file (a whole file is the range [0, end)). Plain Java, no Beam: unit-testable.
 *
 * <p>Rules, the same for every {@link Format}:
 *
 * <ul>
 *   <li>a UTF-8 byte-order mark at byte 0 is dropped;
 *   <li>a record ends at LF, and a CR before that LF is dropped (CRLF); a whole file is one record;
 *   <li>with a header, the file's first record must be exactly it (counted as a header, not
 *       emitted); anything else is one dead letter {@code unexpected_header} and the file is not
 *       read further (in no range: its columns cannot be trusted);
 *   <li>a blank record (only spaces, tabs, CR, LF) is counted as {@code blank_line}, not emitted;
 *   <li>a record over {@code maxRecordBytes} is a dead letter {@code record_too_large};
 *   <li>bytes that are not UTF-8 are a dead letter {@code invalid_encoding};
 *   <li>a file without a byte is a dead letter {@code empty_file} at position 0;
 *   <li>positions are 1-based line numbers (the line a record starts on; 1 for a whole file), or
 *       byte offsets of a record's first byte when a file is read in ranges.
 * </ul>
 */
final class LineReader implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How much of a failed record is kept as its raw text. */
  static final int RAW_PREFIX_BYTES = 8192;

  /** How records are cut out of a file. */
  enum Format {
    /** One record per line. */
    LINES,
    /** One record per CSV record: a line break inside double quotes does not end it. */
    CSV_RECORDS,
    /** The whole file is one record. */
    WHOLE_FILE
  }

  /** What a record's position is. */
  enum Positions {
    LINE_NUMBERS,
    BYTE_OFFSETS
  }

  /** Where the records go: good records, and failures (never dropped). */
  interface Emitter {
    void record(SourceRecord record);

    void failed(DeadLetter deadLetter);
  }

  /** What one read counted; added to the step's counters once per range. */
  static final class Counts {
    long records;
    long deadLetters;
    long blankLines;
    long headers;
  }

  private final String step;
  private final Format format;
  private final Positions positions;
  private final int maxRecordBytes;
  private final byte @Nullable [] header;

  LineReader(
      String step,
      Format format,
      Positions positions,
      int maxRecordBytes,
      @Nullable String header) {
    this.step = step;
    this.format = format;
    this.positions = positions;
    this.maxRecordBytes = maxRecordBytes;
    this.header = header == null ? null : header.getBytes(StandardCharsets.UTF_8);
  }

  boolean hasHeader() {
    return header != null;
  }

  /**
   * Reads the records that start in [from, to). {@code in} starts at byte {@code from - 1} when
   * {@code from > 0} (to see whether a record starts exactly at {@code from}), else at byte 0.
   */
  void read(String uri, InputStream in, long from, long to, Counts counts, Emitter out)
      throws IOException {
    RecordScanner s = new RecordScanner(in, from == 0 ? 0 : from - 1, format, maxRecordBytes);
    if (from > 0 && (!s.next() || !s.endedWithNewline)) {
      return; // the rest of a record that started in the previous range, which reads it
    }
    boolean any = false;
    while (s.offset < to && s.next()) {
      any = true;
      if (!handle(uri, s, counts, out) || !s.endedWithNewline) {
        return;
      }
    }
    if (from == 0 && !any) {
      counts.records++;
      counts.deadLetters++;
      out.failed(DeadLetter.create(step, uri, 0, "empty_file", "the file is empty", ""));
    }
  }

  /** Whether a file (read from byte 0) starts with the header; true when there is no header. */
  boolean startsWithHeader(InputStream fileStart) throws IOException {
    if (header == null) {
      return true;
    }
    RecordScanner s = new RecordScanner(fileStart, 0, format, maxRecordBytes);
    return s.next() && isHeader(s, contentStart(s), contentEnd(s));
  }

  /** Handles one record; false when the rest of the file must not be read. */
  private boolean handle(String uri, RecordScanner s, Counts counts, Emitter out) {
    long position =
        positions == Positions.BYTE_OFFSETS
            ? s.start
            : format == Format.WHOLE_FILE ? 1 : s.startLine;
    int start = contentStart(s);
    int end = contentEnd(s);
    if (header != null && s.start == 0) {
      if (isHeader(s, start, end)) {
        counts.headers++;
        return true;
      }
      counts.records++;
      failed(
          uri,
          position,
          "unexpected_header",
          "expected the header \""
              + new String(header, StandardCharsets.UTF_8)
              + "\"; the file was not read",
          lossy(s.bytes, start, end),
          counts,
          out);
      return false;
    }
    if (!s.tooLong && isBlank(s.bytes, start, end)) {
      counts.blankLines++;
      return true;
    }
    counts.records++;
    if (s.tooLong) {
      failed(
          uri,
          position,
          "record_too_large",
          "record exceeds " + maxRecordBytes + " bytes",
          lossy(s.bytes, start, Math.min(end, start + RAW_PREFIX_BYTES)),
          counts,
          out);
      return true;
    }
    String text;
    try {
      text = s.decoder.reset().decode(ByteBuffer.wrap(s.bytes, start, end - start)).toString();
    } catch (CharacterCodingException e) {
      failed(
          uri,
          position,
          "invalid_encoding",
          "bytes are not valid UTF-8",
          lossy(s.bytes, start, end),
          counts,
          out);
      return true;
    }
    out.record(SourceRecord.create(uri, position, text));
    return true;
  }

  private void failed(
      String uri,
      long position,
      String reason,
      String message,
      String raw,
      Counts counts,
      Emitter out) {
    counts.deadLetters++;
    out.failed(DeadLetter.create(step, uri, position, reason, message, raw));
  }

  private boolean isHeader(RecordScanner s, int start, int end) {
    return !s.tooLong && Arrays.equals(s.bytes, start, end, header, 0, header.length);
  }

  /** After a byte-order mark at byte 0. */
  private static int contentStart(RecordScanner s) {
    return s.start == 0
            && s.length >= 3
            && (s.bytes[0] & 0xFF) == 0xEF
            && (s.bytes[1] & 0xFF) == 0xBB
            && (s.bytes[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  /** Before the CR of a CRLF line end (a whole file keeps its bytes). */
  private int contentEnd(RecordScanner s) {
    boolean cr = s.length > 0 && s.bytes[s.length - 1] == '\r';
    return cr && format != Format.WHOLE_FILE && contentStart(s) < s.length
        ? s.length - 1
        : s.length;
  }

  private static boolean isBlank(byte[] bytes, int start, int end) {
    for (int i = start; i < end; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static String lossy(byte[] bytes, int start, int end) {
    return new String(bytes, start, Math.max(0, end - start), StandardCharsets.UTF_8);
  }
}
