package etl.pipelines.bench;

import etl.pipelines.run.EmbeddedWarehouse;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import etl.transforms.sql.SqlScript;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.postgresql.PGConnection;

/**
 * Helpers for {@code bench/run.sh}, so every measurement of a benchmark run hits the same
 * PostgreSQL server:
 *
 * <ul>
 *   <li>{@code serve URL_FILE} starts the embedded PostgreSQL (same binaries and settings as the
 *       default warehouse), writes its JDBC URL to URL_FILE and runs until killed;
 *   <li>{@code reset JDBC_URL} drops and recreates the public schema (a clean warehouse per run);
 *   <li>{@code floor JDBC_URL RATINGS_CSV} loads the file with one raw {@code COPY} into an
 *       unindexed table and prints {@code rows seconds}: the database's own limit.
 * </ul>
 */
public final class BenchTool {
  private BenchTool() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: BenchTool serve URL_FILE | reset JDBC_URL | floor JDBC_URL RATINGS_CSV");
      System.exit(2);
    }
    switch (args[0]) {
      case "serve" -> serve(Path.of(args[1]));
      case "reset" ->
          run(Warehouse.of(args[1], "postgres", null), "common/postgres/reset_database.sql");
      case "floor" -> floor(Warehouse.of(args[1], "postgres", null), Path.of(args[2]));
      default -> {
        System.err.println("unknown command " + args[0]);
        System.exit(2);
      }
    }
  }

  private static void serve(Path urlFile) throws Exception {
    EmbeddedWarehouse pg = EmbeddedWarehouse.start(null);
    Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
    Files.writeString(urlFile, pg.jdbcUrl() + System.lineSeparator());
    new CountDownLatch(1).await();
  }

  private static void run(Warehouse warehouse, String script) throws Exception {
    try (Connection c = warehouse.connect()) {
      SqlRunner.execute(c, SqlScript.load(script), Map.of());
    }
  }

  private static void floor(Warehouse warehouse, Path ratings) throws Exception {
    run(warehouse, "movalytics/postgres/bench/floor_rating_ddl.sql");
    try (Connection c = warehouse.connect();
        Reader in = Files.newBufferedReader(ratings, StandardCharsets.UTF_8)) {
      long started = System.nanoTime();
      long rows =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  SqlScript.load("movalytics/postgres/bench/floor_rating_copy.sql").text(),
                  in,
                  1 << 20);
      System.out.printf("%d %.1f%n", rows, (System.nanoTime() - started) / 1e9);
    }
  }
}
