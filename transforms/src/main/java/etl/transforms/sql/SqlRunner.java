package etl.transforms.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs {@link SqlScript}s on a connection the caller owns (and so controls the transaction of),
 * binding {@code :name} parameters from a map. Errors name the script they came from.
 */
public final class SqlRunner {
  private SqlRunner() {}

  /** Executes every statement of the script; returns the total update count. */
  public static long execute(Connection c, SqlScript script, Map<String, ?> params)
      throws SQLException {
    return execute(c, script, params, st -> true);
  }

  /**
   * Executes every statement of the script; returns the update count of the statements {@code
   * counted} accepts (a MERGE file counts the rows written to its table, not those of its work
   * tables).
   */
  public static long execute(
      Connection c, SqlScript script, Map<String, ?> params, Predicate<SqlScript.Statement> counted)
      throws SQLException {
    long updated = 0;
    for (SqlScript.Statement st : script.statements()) {
      int count = execute(c, script.name(), st, params);
      if (counted.test(st)) {
        updated += Math.max(count, 0);
      }
    }
    return updated;
  }

  /** Runs a single-statement query and visits every row. */
  public static void query(
      Connection c, SqlScript script, Map<String, ?> params, RowVisitor visitor)
      throws SQLException {
    List<SqlScript.Statement> statements = script.statements();
    if (statements.size() != 1) {
      throw new IllegalArgumentException(
          script.name() + " must hold exactly one query, has " + statements.size());
    }
    query(c, script.name(), statements.get(0), params, visitor);
  }

  /**
   * Executes every statement of the script but the last, then returns all rows of the last (a
   * query): e.g. a table lock, confirmed by a SELECT.
   */
  public static List<Map<String, Object>> queryAllOfLast(
      Connection c, SqlScript script, Map<String, ?> params) throws SQLException {
    List<SqlScript.Statement> statements = script.statements();
    for (SqlScript.Statement st : statements.subList(0, statements.size() - 1)) {
      execute(c, script.name(), st, params);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    query(c, script.name(), statements.get(statements.size() - 1), params, rows::add);
    return rows;
  }

  private static int execute(
      Connection c, String script, SqlScript.Statement st, Map<String, ?> params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(st.sql())) {
      bind(ps, st, params);
      ps.execute();
      return ps.getUpdateCount();
    } catch (SQLException e) {
      throw new SQLException(script + ": " + e.getMessage(), e.getSQLState(), e);
    }
  }

  private static void query(
      Connection c,
      String script,
      SqlScript.Statement st,
      Map<String, ?> params,
      RowVisitor visitor)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(st.sql())) {
      ps.setFetchSize(1000);
      bind(ps, st, params);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i), rs.getObject(i));
          }
          if (!visitor.visit(row)) {
            return;
          }
        }
      }
    } catch (SQLException e) {
      throw new SQLException(script + ": " + e.getMessage(), e.getSQLState(), e);
    }
  }

  /** Runs a query and returns all of its rows (for small results: summaries, answers). */
  public static List<Map<String, Object>> queryAll(
      Connection c, SqlScript script, Map<String, ?> params) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    query(c, script, params, row -> rows.add(row));
    return rows;
  }

  private static void bind(PreparedStatement ps, SqlScript.Statement st, Map<String, ?> params)
      throws SQLException {
    for (int i = 0; i < st.parameters().size(); i++) {
      String p = st.parameters().get(i);
      if (!params.containsKey(p)) {
        throw new SQLException(st.script() + ": no value for parameter :" + p);
      }
      ps.setObject(i + 1, params.get(p));
    }
  }

  /** Receives one row; returns false to stop reading. */
  @FunctionalInterface
  public interface RowVisitor {
    boolean visit(Map<String, Object> row) throws SQLException;
  }
}
