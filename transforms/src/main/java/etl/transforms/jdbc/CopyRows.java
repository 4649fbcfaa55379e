package etl.transforms.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;
import org.postgresql.PGConnection;

/**
 * Streams rows into a PostgreSQL table with {@code COPY … FROM STDIN (FORMAT csv)}: one COPY per
 * bundle (or per 8 MiB of CSV), on one connection per DoFn instance. Every value travels as CSV
 * data, never as SQL text: strings are always quoted (so an empty string stays distinct from
 * NULL, which is an unquoted empty field); timestamps are written in UTC.
 *
 * <p>Each COPY commits on its own; a bundle a runner retries is staged twice, which the MERGE's
 * de-duplication absorbs (see {@link StageRows}).
 */
final class CopyRows extends DoFn<Row, Void> {
  private static final int FLUSH_CHARS = 8 << 20;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final Warehouse warehouse;
  private final String copySql;
  private final List<Object> constants;
  private final Counter rowsCopied;
  private transient Connection connection;
  private transient StringBuilder csv;
  private transient String constantPrefix;

  CopyRows(Warehouse warehouse, String copySql, List<Object> constants, String table) {
    this.warehouse = warehouse;
    this.copySql = copySql;
    this.constants = constants;
    this.rowsCopied = Metrics.counter("StageRows", table + "_rows");
  }

  @Setup
  public void setup() throws SQLException {
    connection = warehouse.connect();
    connection.setAutoCommit(true);
    StringBuilder prefix = new StringBuilder();
    for (Object c : constants) {
      append(prefix, c);
      prefix.append(',');
    }
    constantPrefix = prefix.toString();
  }

  @StartBundle
  public void startBundle() {
    csv = new StringBuilder(1 << 16);
  }

  @ProcessElement
  public void process(@Element Row row) throws SQLException, IOException {
    csv.append(constantPrefix);
    List<Schema.Field> fields = row.getSchema().getFields();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      append(csv, row.getValue(i));
    }
    csv.append('\n');
    if (csv.length() >= FLUSH_CHARS) {
      flush();
    }
  }

  @FinishBundle
  public void finishBundle() throws SQLException, IOException {
    flush();
  }

  @Teardown
  public void teardown() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }

  private void flush() throws SQLException, IOException {
    if (csv.length() == 0) {
      return;
    }
    long n = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(csv.toString()));
    rowsCopied.inc(n);
    csv.setLength(0);
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
      out.append(TIMESTAMP.format(Instant.ofEpochMilli(t.getMillis())));
    } else {
      out.append(v);
    }
  }
}
