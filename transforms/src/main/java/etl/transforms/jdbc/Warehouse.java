package etl.transforms.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.beam.sdk.io.jdbc.JdbcIO;

/**
 * Where the warehouse is and how to log in. Serializable because workers open their own
 * connections; {@link #toString()} never shows the password, and the password is never put into
 * pipeline options (which runners print and show in their UIs).
 */
public final class Warehouse implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final Dialect dialect;

  private Warehouse(String jdbcUrl, String user, String password) {
    this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl");
    this.user = user;
    this.password = password;
    this.dialect = Dialect.fromJdbcUrl(jdbcUrl);
  }

  public static Warehouse of(String jdbcUrl, String user, String password) {
    return new Warehouse(jdbcUrl, user, password);
  }

  public Dialect dialect() {
    return dialect;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return user;
  }

  /** A new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    loadDriver();
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl, props);
  }

  /** The same connection settings for Beam's JdbcIO (pooled on each worker by JdbcIO). */
  public JdbcIO.DataSourceConfiguration dataSource() {
    JdbcIO.DataSourceConfiguration config =
        JdbcIO.DataSourceConfiguration.create(dialect.driverClass(), jdbcUrl);
    if (user != null) {
      config = config.withUsername(user);
    }
    if (password != null) {
      config = config.withPassword(password);
    }
    if (dialect == Dialect.POSTGRES) {
      // Lets pgjdbc send a JDBC batch as multi-row INSERTs: several times the row rate.
      config = config.withConnectionProperties("reWriteBatchedInserts=true");
    }
    return config;
  }

  private void loadDriver() throws SQLException {
    try {
      Class.forName(dialect.driverClass());
    } catch (ClassNotFoundException e) {
      throw new SQLException(
          "JDBC driver " + dialect.driverClass() + " is not on the classpath", e);
    }
  }

  @Override
  public String toString() {
    return jdbcUrl
        + (user == null ? "" : " as " + user)
        + (password == null ? "" : " (password set)");
  }
}
