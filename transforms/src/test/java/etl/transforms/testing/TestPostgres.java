package etl.transforms.testing;

import etl.transforms.jdbc.Warehouse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.rules.ExternalResource;

/** A real PostgreSQL (embedded, PostgreSQL 17) for one test class. */
public final class TestPostgres extends ExternalResource {
  private EmbeddedPostgres postgres;
  private Warehouse warehouse;

  @Override
  protected void before() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    warehouse = Warehouse.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
  }

  @Override
  protected void after() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  /** Every row of a query, rendered "a|b|c", for compact exact assertions. */
  public List<String> lines(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = warehouse.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cells.add(String.valueOf(rs.getObject(i)));
        }
        out.add(String.join("|", cells));
      }
    }
    return out;
  }

  /** Runs one or more statements separated by semicolons, in autocommit. */
  public void execute(String sql) throws SQLException {
    try (Connection c = warehouse.connect();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
