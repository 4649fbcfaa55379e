package etl.pipelines.testing;

import etl.pipelines.cli.LoadCommand;
import etl.pipelines.core.WarehouseJob;
import etl.pipelines.run.EmbeddedWarehouse;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import etl.transforms.sql.SqlScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.rules.ExternalResource;

/**
 * A real PostgreSQL for a test class (the same embedded server the program starts), plus helpers to
 * run a warehouse job against it through the real command-line path and read tables back.
 */
public final class TestWarehouse extends ExternalResource {
  private EmbeddedWarehouse embedded;
  private Warehouse warehouse;

  @Override
  protected void before() {
    embedded = EmbeddedWarehouse.start(null);
    warehouse = Warehouse.of(embedded.jdbcUrl(), embedded.user(), null);
  }

  @Override
  protected void after() {
    if (embedded != null) {
      embedded.close();
    }
  }

  public String jdbcUrl() {
    return embedded.jdbcUrl();
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  /** What one run printed and returned. */
  public record Run(int exitCode, String out, String err) {
    public String runId() {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("run (\\S+): ").matcher(out);
      if (!m.find()) {
        throw new AssertionError("no run id in output:\n" + out + "\n" + err);
      }
      return m.group(1);
    }
  }

  /** Runs a job end to end into this database, exactly as {@code java -jar … <job> args} would. */
  public Run run(WarehouseJob<?> job, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--jdbcUrl=" + jdbcUrl());
    all.add("--dbUser=postgres");
    return runWithoutDatabase(job, all.toArray(new String[0]));
  }

  /** Runs a job with exactly these arguments (no --jdbcUrl added). */
  public static Run runWithoutDatabase(WarehouseJob<?> job, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = LoadCommand.load(job, args, o, e);
    }
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Every row of a query, each as column → value. */
  public List<Map<String, Object>> rows(String sql, Object... params) {
    try (Connection c = warehouse.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i), rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Rows rendered as "a|b|c" strings, for compact exact assertions. */
  public List<String> lines(String sql, Object... params) {
    List<String> lines = new ArrayList<>();
    for (Map<String, Object> row : rows(sql, params)) {
      List<String> cells = new ArrayList<>();
      row.values().forEach(v -> cells.add(String.valueOf(v)));
      lines.add(String.join("|", cells));
    }
    return lines;
  }

  public void execute(String sql) {
    try (Connection c = warehouse.connect()) {
      c.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Row count and order-independent content hash of each table (see table_fingerprint.sql). */
  public Map<String, String> fingerprints(List<String> tables) {
    try (Connection c = warehouse.connect()) {
      return fingerprints(c, tables);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same on a given connection (another database, or a schema set by search_path). */
  public static Map<String, String> fingerprints(Connection c, List<String> tables)
      throws SQLException {
    Map<String, String> result = new TreeMap<>();
    for (String t : tables) {
      Map<String, Object> row =
          SqlRunner.queryAll(
                  c,
                  SqlScript.load("common/postgres/table_fingerprint.sql")
                      .withIdentifiers(Map.of("table", t)),
                  Map.of())
              .get(0);
      result.put(t, row.get("row_count") + ":" + row.get("fingerprint"));
    }
    return result;
  }
}
