package etl.transforms.check;

import etl.transforms.sql.Identifiers;
import java.io.Serializable;
import java.util.List;

/**
 * What the checks need to know of a final ({@code d_}/{@code f_}) table: its key and its foreign
 * keys. Together with the table's DDL and MERGE files this is the table's whole description.
 *
 * @param nullableReason for a nullable foreign key, the documented rule under which it may be null
 */
public record TableDef(String name, List<String> key, List<ForeignKey> foreignKeys)
    implements Serializable {

  public TableDef {
    Identifiers.check(name);
    key.forEach(Identifiers::check);
    if (key.isEmpty()) {
      throw new IllegalArgumentException(name + ": every final table needs a key");
    }
    key = List.copyOf(key);
    foreignKeys = List.copyOf(foreignKeys);
  }

  public static TableDef of(String name, List<String> key, ForeignKey... foreignKeys) {
    return new TableDef(name, key, List.of(foreignKeys));
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
