package etl.pipelines.run;

import etl.pipelines.core.ConfigException;
import etl.pipelines.core.ConnectionOptions;
import etl.pipelines.core.Errors;
import etl.transforms.jdbc.Warehouse;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The database a command works on, for as long as the command runs: the embedded PostgreSQL it
 * started (no {@code --jdbcUrl}) or the server it connected to, and the warehouse's run lock once
 * taken. Closing releases the lock and stops the embedded server.
 */
public final class WarehouseSession implements AutoCloseable {
  private final Warehouse warehouse;
  private final EmbeddedWarehouse embedded;
  private RunLock lock;

  private WarehouseSession(Warehouse warehouse, EmbeddedWarehouse embedded) {
    this.warehouse = warehouse;
    this.embedded = embedded;
  }

  /**
   * Starts the embedded database or connects to {@code --jdbcUrl}; fails fast if it won't answer.
   */
  public static WarehouseSession open(ConnectionOptions options) {
    if (options.getJdbcUrl() != null && !options.getJdbcUrl().isBlank()) {
      return answering(new WarehouseSession(external(options), null));
    }
    EmbeddedWarehouse embedded = EmbeddedWarehouse.start(options.getEmbeddedDataDir());
    WarehouseSession session =
        new WarehouseSession(Warehouse.of(embedded.jdbcUrl(), embedded.user(), null), embedded);
    try {
      return answering(session);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /**
   * A warehouse loaded before, for {@code answers}, {@code check} and {@code report}: its options
   * must name one, and an embedded one must be there (starting it would create an empty one).
   */
  public static WarehouseSession existing(ConnectionOptions options, String command) {
    if (options.getJdbcUrl() == null && options.getEmbeddedDataDir() == null) {
      throw new ConfigException(
          command + " needs a warehouse: --jdbcUrl=… or --embeddedDataDir=<dir of a kept run>");
    }
    if (options.getJdbcUrl() == null
        && !Files.exists(Path.of(options.getEmbeddedDataDir(), "PG_VERSION"))) {
      throw new ConfigException(
          "no warehouse is kept in "
              + options.getEmbeddedDataDir()
              + " (--embeddedDataDir names the folder of an earlier load)");
    }
    return open(options);
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  /**
   * Takes the warehouse's run lock until {@link #close}; {@link RunLock.Busy} if another has it.
   */
  public void lock(String pipeline) throws RunLock.Busy {
    try {
      lock = RunLock.acquire(warehouse, pipeline);
    } catch (SQLException e) {
      throw new ConfigException(
          "Cannot lock the warehouse at " + warehouse + " for this run: " + e.getMessage(), e);
    }
  }

  /** Gives the run lock back (a session serving queries after a load needs it no longer). */
  public void unlock() {
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  /**
   * After a load into the embedded database: where it is kept, or with {@code --keepRunning} how to
   * reach it, serving until Ctrl-C.
   */
  public void describe(ConnectionOptions options, PrintStream out) {
    if (embedded == null) {
      return;
    }
    if (options.getKeepRunning()) {
      out.println();
      out.println("The warehouse is up until Ctrl-C:");
      out.println("  JDBC: " + embedded.jdbcUrl() + "  (user postgres, no password)");
      out.println("  psql: psql -h 127.0.0.1 -p " + embedded.port() + " -U postgres postgres");
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (embedded.kept()) {
      out.println();
      out.println(
          "Warehouse kept in "
              + embedded.dataDir()
              + "; reuse it with --embeddedDataDir="
              + embedded.dataDir()
              + " (add --keepRunning to query it after a run).");
    }
  }

  @Override
  public void close() {
    unlock();
    if (embedded != null) {
      embedded.close();
    }
  }

  private static Warehouse external(ConnectionOptions options) {
    String password = Passwords.of(options, awsRegion(options));
    try {
      return Warehouse.of(options.getJdbcUrl(), options.getDbUser(), password);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static WarehouseSession answering(WarehouseSession session) {
    try (Connection c = session.warehouse.connect()) {
      if (!c.isValid(10)) {
        throw new ConfigException("The database at " + session.warehouse + " does not answer");
      }
    } catch (SQLException e) {
      throw new ConfigException(
          "Cannot connect to " + session.warehouse + ": " + Errors.firstLine(e.getMessage()), e);
    }
    return session;
  }

  /** {@code --awsRegion}, when the AWS options are there. */
  static String awsRegion(PipelineOptions options) {
    try {
      Object region = options.as(S3Options.class).getAwsRegion();
      return region == null ? null : region.toString();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
