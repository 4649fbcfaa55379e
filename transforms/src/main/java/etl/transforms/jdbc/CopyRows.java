package etl.transforms.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * Streams rows into a PostgreSQL table with {@code COPY … FROM STDIN (FORMAT csv)}: one COPY stream
 * per bundle, on one connection per DoFn instance. Rows are written to the stream as they come (in
 * 64 KiB pieces), so PostgreSQL parses and stores one piece while this thread formats the next: the
 * two overlap instead of taking turns. Every value travels as CSV data, never as SQL text: strings
 * are always quoted (so an empty string stays distinct from NULL, which is an unquoted empty
 * field); timestamps are written in UTC.
 *
 * <p>Each bundle's COPY commits on its own; a bundle a runner retries is staged twice, which the
 * MERGE's de-duplication absorbs (see {@link StageRows}). A failed bundle cancels its COPY, so a
 * bundle is staged whole or not at all.
 */
final class CopyRows extends DoFn<Row, Void> {
  private static final DateTimeFormatter LEGACY_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final CopyStream.Spec spec;
  private final Counter rowsCopied;
  private transient CopyStream stream;

  CopyRows(CopyStream.Spec spec) {
    this.spec = spec;
    this.rowsCopied = Metrics.counter("StageRows", spec.table() + "_rows");
  }

  @Setup
  public void setup() throws SQLException {
    stream = spec.open();
  }

  @ProcessElement
  public void process(@Element Row row) throws SQLException {
    stream.write(row);
  }

  @FinishBundle
  public void finishBundle() throws SQLException {
    rowsCopied.inc(stream.finish());
  }

  @Teardown
  public void teardown() throws SQLException {
    if (stream != null) {
      stream.close();
    }
  }

  /** The constant columns' values as the start of every CSV line (each followed by a comma). */
  static String constantPrefix(java.util.List<Object> constants) {
    StringBuilder prefix = new StringBuilder();
    for (Object c : constants) {
      append(prefix, c);
      prefix.append(',');
    }
    return prefix.toString();
  }

  /**
   * One CSV line: the constant prefix, then every field of the row, NULL written as {@code
   * nullMarker} (PostgreSQL's CSV: nothing; Redshift: {@code \N}).
   */
  static void appendLine(StringBuilder out, String constantPrefix, Row row, String nullMarker) {
    out.append(constantPrefix);
    int n = row.getFieldCount();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      Object v = row.getValue(i);
      if (v == null) {
        out.append(nullMarker);
      } else {
        append(out, v);
      }
    }
    out.append('\n');
  }

  /** One CSV field: nothing for NULL, strings always quoted, other values as plain text. */
  static void append(StringBuilder out, Object v) {
    if (v == null) {
      return;
    }
    if (v instanceof String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          out.append('"');
        }
        out.append(c);
      }
      out.append('"');
    } else if (v instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (v instanceof ReadableInstant t) {
      appendUtcTimestamp(out, t.getMillis());
    } else {
      out.append(v);
    }
  }

  /**
   * {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC, written digit by digit: a DateTimeFormatter per value
   * was the largest cost of staging 26 M ratings. Years outside 1..9999 fall back to java.time.
   */
  static void appendUtcTimestamp(StringBuilder out, long epochMillis) {
    LocalDateTime t =
        LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 1 || year > 9999) {
      out.append(LEGACY_TIMESTAMP.format(Instant.ofEpochMilli(epochMillis)));
      return;
    }
    pad(out, year, 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append(' ');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2).append('.');
    pad(out, (int) Math.floorMod(epochMillis, 1000), 3);
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int w = width - 1; w > 0 && value < pow10(w); w--) {
      out.append('0');
    }
    return out.append(value);
  }

  private static int pow10(int n) {
    int r = 1;
    for (int i = 0; i < n; i++) {
      r *= 10;
    }
    return r;
  }
}
