package etl.pipelines.run;

import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes loads of one warehouse run one at a time: held on a connection of its own from before the
 * DDL until the run has ended ({@code sql/common/<dialect>/acquire_run_lock.sql}). On PostgreSQL a
 * second run refuses at once with {@link Busy}; on Redshift it waits.
 */
public final class RunLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);
  private final Connection connection;

  private RunLock(Connection connection) {
    this.connection = connection;
  }

  /** Another run of the same warehouse holds the lock. */
  public static final class Busy extends Exception {
    private static final long serialVersionUID = 1L;

    Busy(String message) {
      super(message);
    }
  }

  static RunLock acquire(Warehouse warehouse, String pipeline) throws SQLException, Busy {
    Connection c = warehouse.connect();
    try {
      c.setAutoCommit(false);
      Map<String, Object> params = Map.of("pipeline", pipeline);
      List<Map<String, Object>> rows =
          SqlRunner.queryAllOfLast(
              c, warehouse.dialect().script("common", "acquire_run_lock.sql"), params);
      if (!rows.isEmpty() && Boolean.TRUE.equals(rows.get(0).get("acquired"))) {
        return new RunLock(c);
      }
      c.rollback();
      String holder = describeHolder(warehouse, params);
      c.close();
      throw new Busy(
          "Another "
              + pipeline
              + " run is loading this warehouse"
              + holder
              + "; nothing was done. Run again when it has finished.");
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static String describeHolder(Warehouse warehouse, Map<String, Object> params) {
    try (Connection c = warehouse.connect()) {
      List<Map<String, Object>> running =
          SqlRunner.queryAll(c, warehouse.dialect().script("common", "running_runs.sql"), params);
      return running.isEmpty()
          ? ""
          : " (run "
              + running.get(0).get("run_id")
              + ", started "
              + running.get(0).get("started_at")
              + " UTC)";
    } catch (SQLException e) {
      // etl_run may not exist yet (the other run is creating it); the lock itself is the answer.
      return "";
    }
  }

  /** Releases the lock by closing its connection (which also ends Redshift's transaction). */
  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Closing the run lock's connection: {}", e.getMessage());
    }
  }
}
