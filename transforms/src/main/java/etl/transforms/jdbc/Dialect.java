package etl.transforms.jdbc;

import etl.transforms.sql.SqlScript;
import java.util.Locale;

/**
 * The warehouse SQL dialect, chosen from the JDBC URL. Statements that differ between dialects live
 * in separate files, never in {@code if} branches; statements both dialects accept as written live
 * once. Two layouts: bookkeeping and report SQL under {@code sql/<area>/<dialect>/} and {@code
 * sql/<area>/portable/} ({@link #script}); a table's own files side by side in its folder, as
 * {@code <kind>.<dialect>.sql} or, shared, {@code <kind>.sql} ({@link #fileIn}).
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

  /**
   * The file {@code kind} ({@code ddl}, {@code merge}, {@code check_…}) in {@code folder} (a
   * table's folder, e.g. {@code sparkify/tables/d_user}) for this dialect: {@code
   * sql/<folder>/<kind>.<dialect>.sql} if this dialect has its own, else {@code
   * sql/<folder>/<kind>.sql}, the file both dialects run as written.
   */
  public SqlScript fileIn(String folder, String kind) {
    String own = folder + "/" + kind + "." + this.folder + ".sql";
    if (SqlScript.exists(own)) {
      return SqlScript.load(own);
    }
    String shared = folder + "/" + kind + ".sql";
    if (SqlScript.exists(shared)) {
      return SqlScript.load(shared);
    }
    throw new IllegalArgumentException(
        "No "
            + this.folder
            + " SQL for "
            + kind
            + " (looked for sql/"
            + own
            + " and sql/"
            + shared
            + ")");
  }

  /** Whether {@link #fileIn} finds {@code kind} in {@code folder}. */
  public boolean hasFileIn(String folder, String kind) {
    return SqlScript.exists(folder + "/" + kind + "." + this.folder + ".sql")
        || SqlScript.exists(folder + "/" + kind + ".sql");
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
