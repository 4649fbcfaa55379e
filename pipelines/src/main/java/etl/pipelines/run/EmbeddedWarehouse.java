package etl.pipelines.run;

import etl.pipelines.core.ConfigException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default warehouse: a real PostgreSQL 17 started by this program (binaries from Maven, no
 * installation), listening on a free port of 127.0.0.1.
 *
 * <p>With a data directory, the database is kept there and reused by the next run; without one, a
 * temporary directory is removed on {@link #close()}. Durability is traded for speed ({@code
 * fsync=off}): this is a local working copy, not a production database.
 */
public final class EmbeddedWarehouse implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedWarehouse.class);

  private final EmbeddedPostgres postgres;
  private final Path dataDir;
  private final boolean keep;

  private EmbeddedWarehouse(EmbeddedPostgres postgres, Path dataDir, boolean keep) {
    this.postgres = postgres;
    this.dataDir = dataDir;
    this.keep = keep;
  }

  /** Starts PostgreSQL in {@code dataDir} (kept), or in a temporary directory when null. */
  public static EmbeddedWarehouse start(String dataDir) {
    boolean keep = dataDir != null && !dataDir.isBlank();
    try {
      Path dir =
          keep ? Path.of(dataDir).toAbsolutePath() : Files.createTempDirectory("warehouse-etl-pg-");
      Files.createDirectories(dir);
      Path work = Path.of(System.getProperty("java.io.tmpdir"), "warehouse-etl-pg-binaries");
      Files.createDirectories(work);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(work.toFile())
              .setDataDirectory(dir)
              .setCleanDataDirectory(!keep)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "100")
              // Bulk-load settings: staging takes tens of millions of rows by COPY and the MERGEs
              // sort and join them. Without these, checkpoints every few seconds and sorts spilled
              // in 4 MB pieces dominate a full-scale run.
              .setServerConfig("shared_buffers", "512MB")
              .setServerConfig("work_mem", "512MB")
              .setServerConfig("maintenance_work_mem", "512MB")
              .setServerConfig("max_wal_size", "8GB")
              .setServerConfig("checkpoint_timeout", "30min")
              .setServerConfig("wal_level", "minimal")
              .setServerConfig("max_wal_senders", "0")
              .start();
      LOG.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
      return new EmbeddedWarehouse(pg, dir, keep);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  public boolean kept() {
    return keep;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
    }
  }
}
