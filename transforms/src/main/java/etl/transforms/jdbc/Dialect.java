package etl.transforms.jdbc;

import java.util.Locale;

/**
 * The warehouse SQL dialect, chosen from the JDBC URL. Statements that differ between dialects
 * live in separate files under {@code sql/<warehouse>/<dialect>/}, never in {@code if} branches.
 */
public enum Dialect {
  POSTGRES("postgres", "org.postgresql.Driver", "jdbc:postgresql:"),
  REDSHIFT("redshift", "com.amazon.redshift.jdbc42.Driver", "jdbc:redshift:");

  private final String folder;
  private final String driverClass;
  private final String urlPrefix;

  Dialect(String folder, String driverClass, String urlPrefix) {
    this.folder = folder;
    this.driverClass = driverClass;
    this.urlPrefix = urlPrefix;
  }

  /** Folder name of this dialect's SQL files. */
  public String folder() {
    return folder;
  }

  public String driverClass() {
    return driverClass;
  }

  public static Dialect fromJdbcUrl(String url) {
    String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
    for (Dialect d : values()) {
      if (u.startsWith(d.urlPrefix)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "Unsupported JDBC URL (expected jdbc:postgresql://… or jdbc:redshift://…): " + url);
  }
}
