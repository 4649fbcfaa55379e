package etl.transforms.check;

import etl.transforms.jdbc.Dialect;
import etl.transforms.sql.Identifiers;
import etl.transforms.sql.SqlScript;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table's whole story, read from its folder {@code sql/<warehouse>/tables/<table>/}: the
 * description in {@code <table>.yml} (layer, key, foreign keys with the documented reason a key may
 * be null, custom checks, the staging tables its MERGE reads) and, found by name beside it, its DDL
 * and MERGE in each dialect ({@code ddl.postgres.sql}, {@code merge.redshift.sql}, or {@code
 * ddl.sql} / {@code merge.sql} when both dialects share one) and its custom check files.
 *
 * <p>{@link #load} validates the yml strictly and fails with one message naming the file. Loaded on
 * the driver; serializable only because checks built from it travel inside transforms.
 *
 * @param warehouse the folder under {@code sql/}; null for a table described in code ({@link #of})
 * @param checks custom check files in the table's folder ({@code check_<what>.sql}, or a dialect's
 *     own {@code check_<what>.<dialect>.sql})
 * @param stagedFrom the staging tables its MERGE reads
 */
public record TableDef(
    String warehouse,
    String name,
    String description,
    Layer layer,
    List<String> key,
    List<ForeignKey> foreignKeys,
    List<String> checks,
    List<String> stagedFrom)
    implements Serializable {

  /** Where a table sits in the flow: staged by Beam, then merged into the star schema. */
  public enum Layer {
    STAGING,
    DIMENSION,
    FACT,
    BRIDGE;

    /** The yml spelling: lowercase. */
    public String yml() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TableDef {
    Identifiers.check(name);
    key.forEach(Identifiers::check);
    if (key.isEmpty() && layer != Layer.STAGING) {
      throw new IllegalArgumentException(name + ": every final table needs a key");
    }
    key = List.copyOf(key);
    foreignKeys = List.copyOf(foreignKeys);
    checks = List.copyOf(checks);
    stagedFrom = List.copyOf(stagedFrom);
  }

  /**
   * Reads and validates {@code sql/<warehouse>/tables/<table>/<table>.yml} from the classpath.
   *
   * @throws IllegalArgumentException naming the file, for a missing file, an unknown or missing
   *     field, a key or foreign key column its DDL lacks, or a missing DDL, MERGE or check file
   */
  public static TableDef load(String warehouse, String table) {
    return TableYml.load(warehouse, table);
  }

  /** {@link #load} of each table, in the order given. */
  public static List<TableDef> loadAll(String warehouse, List<String> tables) {
    List<TableDef> defs = new ArrayList<>();
    tables.forEach(t -> defs.add(load(warehouse, t)));
    return defs;
  }

  /**
   * A final table described in code rather than by a yml file (tests of the check and merge
   * machinery): it has a key and foreign keys but no SQL files.
   */
  public static TableDef of(String name, List<String> key, ForeignKey... foreignKeys) {
    return new TableDef(
        null, name, "", Layer.DIMENSION, key, List.of(foreignKeys), List.of(), List.of());
  }

  /** The folder of its files under {@code sql/}: {@code <warehouse>/tables/<table>}. */
  public String folder() {
    if (warehouse == null) {
      throw new IllegalStateException(name + " is described in code and has no SQL files");
    }
    return folder(warehouse, name);
  }

  static String folder(String warehouse, String table) {
    return warehouse + "/tables/" + table;
  }

  /** Its {@code create table if not exists} statement in {@code dialect}. */
  public SqlScript ddl(Dialect dialect) {
    return dialect.fileIn(folder(), "ddl");
  }

  /** The MERGE (or statements) that publish it from staging, in {@code dialect}. */
  public SqlScript merge(Dialect dialect) {
    if (layer == Layer.STAGING) {
      throw new IllegalStateException(name + " is a staging table: nothing merges into it");
    }
    return dialect.fileIn(folder(), "merge");
  }

  /**
   * Its custom checks in {@code dialect}, each named {@code <table>_<what>} after its file {@code
   * check_<what>.sql} (the name recorded in {@code etl_check_result}).
   */
  public List<Check> customChecks(Dialect dialect) {
    List<Check> result = new ArrayList<>();
    for (String file : checks) {
      String kind = file.replaceFirst("\\.sql$", "");
      result.add(
          new Check(
              name + "_" + kind.substring("check_".length()), dialect.fileIn(folder(), kind)));
    }
    return result;
  }

  /** A column referencing a dimension's key. */
  public record ForeignKey(String column, String refTable, String refColumn, String nullableReason)
      implements Serializable {
    public ForeignKey {
      Identifiers.check(column);
      Identifiers.check(refTable);
      Identifiers.check(refColumn);
    }

    public static ForeignKey required(String column, String refTable, String refColumn) {
      return new ForeignKey(column, refTable, refColumn, null);
    }

    /** May be null, for the documented reason given. */
    public static ForeignKey nullable(
        String column, String refTable, String refColumn, String reason) {
      return new ForeignKey(column, refTable, refColumn, reason);
    }

    public boolean isNullable() {
      return nullableReason != null;
    }
  }
}
