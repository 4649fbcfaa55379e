package etl.transforms.check;

import etl.transforms.check.TableDef.ForeignKey;
import etl.transforms.jdbc.Dialect;
import etl.transforms.sql.SqlScript;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A data-quality check: a named SELECT returning the violating rows (zero rows = pass). May use the
 * {@code :run_id} parameter.
 *
 * <p>{@link #standard} derives, from table descriptions, the checks every warehouse gets (dbt's
 * generic tests): each key column not null, the key unique, each foreign key present in its
 * dimension (or null where its documented rule allows), and no empty table. The SQL of each kind is
 * one template in {@code sql/common/checks/}. A table's own checks are files beside its SQL, listed
 * in its yml ({@link TableDef#customChecks}).
 */
public record Check(String name, SqlScript sql) implements Serializable {

  /** Every check of these tables in {@code dialect}: the standard ones, then each table's own. */
  public static List<Check> all(List<TableDef> tables, Dialect dialect) {
    List<Check> checks = standard(tables);
    tables.forEach(t -> checks.addAll(t.customChecks(dialect)));
    return checks;
  }

  public static List<Check> standard(List<TableDef> tables) {
    List<Check> checks = new ArrayList<>();
    for (TableDef t : tables) {
      checks.add(template(t.name() + "__not_empty", "not_empty", Map.of("table", t.name())));
      for (String k : t.key()) {
        checks.add(
            template(
                t.name() + "__" + k + "__not_null",
                "not_null",
                Map.of("table", t.name(), "column", k)));
      }
      checks.add(
          template(
              t.name() + "__unique_key",
              "unique_key",
              Map.of("table", t.name(), "key_columns", t.key())));
      for (ForeignKey fk : t.foreignKeys()) {
        Map<String, Object> ids =
            Map.of(
                "table", t.name(),
                "column", fk.column(),
                "ref_table", fk.refTable(),
                "ref_column", fk.refColumn());
        checks.add(
            template(
                t.name() + "__" + fk.column() + "__references_" + fk.refTable(),
                "relationship",
                ids));
        if (!fk.isNullable()) {
          checks.add(
              template(
                  t.name() + "__" + fk.column() + "__not_null",
                  "not_null",
                  Map.of("table", t.name(), "column", fk.column())));
        }
      }
    }
    return checks;
  }

  private static Check template(String name, String kind, Map<String, ?> identifiers) {
    return new Check(
        name, SqlScript.load("common/checks/" + kind + ".sql").withIdentifiers(identifiers));
  }
}
