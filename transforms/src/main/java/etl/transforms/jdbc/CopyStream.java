package etl.transforms.jdbc;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One table's {@code COPY … FROM STDIN (FORMAT csv)} stream on its own connection: rows are
 * formatted as CSV and sent in 64 KiB pieces as they come, so PostgreSQL parses one piece while the
 * caller produces the next. {@link #finish()} ends the COPY (committing its rows) and returns how
 * many rows it took; {@link #close()} without {@link #finish()} cancels it, so the rows of an
 * unfinished stream are never staged. Used by {@link CopyRows} and by bulk loads that stage rows
 * from inside their own DoFn ({@link StageRows#bulkWriter}).
 */
public final class CopyStream implements AutoCloseable {
  private static final int PIECE_CHARS = 64 << 10;

  private final Connection connection;
  private final String copySql;
  private final String constantPrefix;
  private final StringBuilder csv = new StringBuilder(PIECE_CHARS + 4096);
  private CopyIn copy;

  CopyStream(Warehouse warehouse, String copySql, List<Object> constants) throws SQLException {
    this.connection = warehouse.connect();
    this.connection.setAutoCommit(true);
    this.copySql = copySql;
    this.constantPrefix = CopyRows.constantPrefix(constants);
  }

  public void write(Row row) throws SQLException {
    CopyRows.appendLine(csv, constantPrefix, row, "");
    if (csv.length() >= PIECE_CHARS) {
      send();
    }
  }

  /** Ends the current COPY; returns the rows it loaded (0 when nothing was written). */
  public long finish() throws SQLException {
    send();
    if (copy == null) {
      return 0;
    }
    CopyIn finished = copy;
    copy = null;
    return finished.endCopy();
  }

  @Override
  public void close() throws SQLException {
    try {
      if (copy != null && copy.isActive()) {
        copy.cancelCopy();
      }
    } finally {
      copy = null;
      csv.setLength(0);
      connection.close();
    }
  }

  private void send() throws SQLException {
    if (csv.length() == 0) {
      return;
    }
    if (copy == null) {
      copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    }
    byte[] piece = csv.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(piece, 0, piece.length);
    csv.setLength(0);
  }

  /** What a worker needs to open a stream: serializable, built by {@link StageRows#bulkWriter}. */
  public static final class Spec implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Warehouse warehouse;
    private final String copySql;
    private final List<Object> constants;
    private final String table;

    Spec(Warehouse warehouse, String copySql, List<Object> constants, String table) {
      this.warehouse = warehouse;
      this.copySql = copySql;
      this.constants = constants;
      this.table = table;
    }

    public CopyStream open() throws SQLException {
      return new CopyStream(warehouse, copySql, constants);
    }

    public String table() {
      return table;
    }
  }
}
