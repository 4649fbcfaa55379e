package etl.transforms.jdbc;

import etl.transforms.sql.SqlScript;
import java.util.Locale;

/**
 * The warehouse SQL dialect, chosen from the JDBC URL. Statements that differ between dialects live
 * in separate files under {@code sql/<area>/<dialect>/}, never in {@code if} branches; statements
 * both dialects accept as written live once, in {@code sql/<area>/portable/}.
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

  /** Folder of the statements every dialect shares. */
  public static final String PORTABLE = "portable";

  /**
   * The script {@code file} of {@code area} ({@code common}, {@code sparkify}, …) in this dialect:
   * {@code sql/<area>/<dialect>/<file>} if this dialect has its own, else {@code
   * sql/<area>/portable/<file>}.
   */
  public SqlScript script(String area, String file) {
    String own = area + "/" + folder + "/" + file;
    if (SqlScript.exists(own)) {
      return SqlScript.load(own);
    }
    String portable = area + "/" + PORTABLE + "/" + file;
    if (SqlScript.exists(portable)) {
      return SqlScript.load(portable);
    }
    throw new IllegalArgumentException(
        "No "
            + folder
            + " SQL for "
            + area
            + "/"
            + file
            + " (looked for sql/"
            + own
            + " and sql/"
            + portable
            + ")");
  }

  /** Whether {@link #script} finds {@code file} of {@code area}. */
  public boolean has(String area, String file) {
    return SqlScript.exists(area + "/" + folder + "/" + file)
        || SqlScript.exists(area + "/" + PORTABLE + "/" + file);
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
