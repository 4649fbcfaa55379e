package etl.pipelines.run;

import etl.pipelines.core.WarehouseJob;
import etl.transforms.check.Check;
import etl.transforms.check.TableDef;
import etl.transforms.jdbc.Dialect;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.merge.MergeRunner;
import etl.transforms.sql.SqlRunner;
import etl.transforms.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A warehouse's tables in a dialect: the bookkeeping tables every warehouse has, then its staging
 * and final tables, with their DDL, MERGEs and checks found by the table's name.
 */
public final class WarehouseTables {
  /** The bookkeeping tables every warehouse has (DDL in {@code sql/common/<dialect>/ddl/}). */
  public static final List<String> RUN_TABLES =
      List.of("etl_run", "etl_dead_letter", "etl_check_result", "etl_loaded_file");

  private WarehouseTables() {}

  /** Every table's DDL, bookkeeping first: what {@code create if not exists} runs. */
  static List<SqlScript> ddl(WarehouseJob<?> job, Dialect dialect) {
    List<SqlScript> scripts = new ArrayList<>();
    RUN_TABLES.forEach(t -> scripts.add(dialect.script("common", "ddl/" + t + ".sql")));
    List<String> tables = new ArrayList<>(job.stagingTables());
    tables.addAll(job.finalTables());
    TableDef.loadAll(job.name(), tables).forEach(t -> scripts.add(t.ddl(dialect)));
    return scripts;
  }

  /** The {@code ddl} command's text: every table of a warehouse, bookkeeping first. */
  public static String ddlText(WarehouseJob<?> job, Dialect dialect) {
    StringBuilder sql = new StringBuilder();
    sql.append("-- ")
        .append(job.name())
        .append(" warehouse, ")
        .append(dialect.folder())
        .append(" DDL\n\n");
    for (SqlScript script : ddl(job, dialect)) {
      String text = script.text().strip();
      sql.append(text).append(text.endsWith(";") ? "" : ";").append("\n\n");
    }
    return sql.toString();
  }

  /** Creates what is missing (every DDL file is idempotent). */
  static void create(WarehouseJob<?> job, Warehouse warehouse) throws SQLException {
    try (Connection c = warehouse.connect()) {
      for (SqlScript script : ddl(job, warehouse.dialect())) {
        SqlRunner.execute(c, script, Map.of());
      }
    }
  }

  /** The standard checks of these tables (keys, relationships), then each table's own. */
  public static List<Check> checks(WarehouseJob<?> job, List<String> tables, Dialect dialect) {
    return Check.all(TableDef.loadAll(job.name(), tables), dialect);
  }

  /**
   * What publishing runs, in order: with a full refresh the published tables are emptied first
   * (facts before the dimensions they reference) and the file manifest forgotten; then each table's
   * MERGE; then the run's files marked loaded. All in one transaction, so readers see the old
   * tables until the commit.
   */
  static List<MergeRunner.Merge> merges(
      WarehouseJob<?> job, List<String> published, boolean fullRefresh, Dialect dialect) {
    List<MergeRunner.Merge> merges = new ArrayList<>();
    if (fullRefresh) {
      for (int i = published.size() - 1; i >= 0; i--) {
        String table = published.get(i);
        merges.add(
            new MergeRunner.Merge(
                table,
                dialect
                    .script("common", "empty_table.sql")
                    .withIdentifiers(Map.of("table", table))));
      }
      merges.add(
          new MergeRunner.Merge(
              "etl_loaded_file", dialect.script("common", "forget_loaded_files.sql")));
    }
    for (TableDef t : TableDef.loadAll(job.name(), published)) {
      merges.add(new MergeRunner.Merge(t.name(), t.merge(dialect)));
    }
    merges.add(
        new MergeRunner.Merge(
            "etl_loaded_file", dialect.script("common", "publish_run_files.sql")));
    return merges;
  }
}
