package etl.transforms.sql;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The only way a name reaches SQL text: lowercase snake_case identifiers, checked against a strict
 * pattern. Values never do — they always travel as statement parameters.
 */
public final class Identifiers {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Identifiers() {}

  public static String check(String identifier) {
    if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
      throw new IllegalArgumentException(
          "Not a valid SQL identifier (lowercase letters, digits and _; at most 63): "
              + identifier);
    }
    return identifier;
  }

  /** {@code insert into t (a, b) values (?, ?)} for checked identifiers. */
  public static String insertStatement(String table, List<String> columns) {
    check(table);
    StringBuilder cols = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (String c : columns) {
      if (cols.length() > 0) {
        cols.append(", ");
        marks.append(", ");
      }
      cols.append(check(c));
      marks.append('?');
    }
    return "insert into " + table + " (" + cols + ") values (" + marks + ")";
  }
}
