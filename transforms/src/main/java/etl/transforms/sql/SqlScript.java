package etl.transforms.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .sql} file loaded by name from the classpath ({@code sql/...}, packaged from the
 * project's top-level {@code sql/} folder).
 *
 * <p>Two kinds of placeholder, kept apart on purpose:
 *
 * <ul>
 *   <li>{@code {{name}}} — an identifier (table or column), filled by {@link #withIdentifiers} only
 *       with names that pass {@link Identifiers#check}; lists are joined with ", ".
 *   <li>{@code :name} — a value, bound as a JDBC parameter by {@link #statements()} and never
 *       pasted into the text. {@code ::} (a PostgreSQL cast) and text inside quotes or comments are
 *       left alone.
 *   <li>{@code '[[name]]'} — for the few statements that take no parameters at all (Redshift's
 *       {@code COPY … FROM 's3://…' IAM_ROLE '…'}): a literal filled by {@link #withLiterals}, only
 *       with a value matching {@link #SAFE_LITERAL} (no quote, backslash, space or control
 *       character, so it cannot leave its quotes).
 * </ul>
 *
 * <p>A file may hold several statements separated by {@code ;}.
 */
public final class SqlScript implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([a-z_]+)}}");
  private static final Pattern LITERAL = Pattern.compile("'\\[\\[([a-z_]+)]]'");

  /** What a pasted literal may hold: URIs, ARNs, region names. */
  public static final Pattern SAFE_LITERAL = Pattern.compile("[A-Za-z0-9:/._=,@+\\-]{1,1024}");

  private final String name;
  private final String text;

  private SqlScript(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /**
   * Loads {@code sql/<path>} from the classpath, e.g. {@code
   * load("sparkify/tables/d_user/merge.postgres.sql")}.
   */
  public static SqlScript load(String path) {
    String resource = "sql/" + path;
    try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("SQL file not found on the classpath: " + resource);
      }
      return new SqlScript(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
  }

  public static boolean exists(String path) {
    return SqlScript.class.getClassLoader().getResource("sql/" + path) != null;
  }

  public static SqlScript of(String name, String text) {
    return new SqlScript(name, text);
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** Fills {@code {{key}}} placeholders with checked identifiers (a String or a List of them). */
  public SqlScript withIdentifiers(Map<String, ?> identifiers) {
    Matcher m = TEMPLATE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = identifiers.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            name + ": no identifier given for {{" + m.group(1) + "}}");
      }
      String replacement;
      if (value instanceof List<?> list) {
        List<String> names = new ArrayList<>();
        for (Object o : list) {
          names.add(Identifiers.check((String) o));
        }
        replacement = String.join(", ", names);
      } else {
        replacement = Identifiers.check((String) value);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return new SqlScript(name, out.toString());
  }

  /**
   * Fills {@code '[[key]]'} placeholders with quoted literals; every value must match {@link
   * #SAFE_LITERAL}. Only for statements that cannot take JDBC parameters.
   */
  public SqlScript withLiterals(Map<String, String> literals) {
    Matcher m = LITERAL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = literals.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(name + ": no value given for '[[" + m.group(1) + "]]'");
      }
      if (!SAFE_LITERAL.matcher(value).matches()) {
        throw new IllegalArgumentException(
            name
                + ": the value for [["
                + m.group(1)
                + "]] may only hold letters, digits and :/._=,@+-");
      }
      m.appendReplacement(out, Matcher.quoteReplacement("'" + value + "'"));
    }
    m.appendTail(out);
    return new SqlScript(name, out.toString());
  }

  /** The statements of this file, each with its {@code :name} parameters turned into {@code ?}. */
  public List<Statement> statements() {
    if (TEMPLATE.matcher(text).find()) {
      throw new IllegalStateException(name + " still has {{…}} placeholders; call withIdentifiers");
    }
    if (LITERAL.matcher(text).find()) {
      throw new IllegalStateException(name + " still has '[[…]]' placeholders; call withLiterals");
    }
    List<Statement> result = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    List<String> params = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closing(text, i, c);
        sql.append(text, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == ':' && i + 1 < n && text.charAt(i + 1) == ':') {
        sql.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < n && isNameStart(text.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && isNamePart(text.charAt(end))) {
          end++;
        }
        params.add(text.substring(i + 1, end));
        sql.append('?');
        i = end;
      } else if (c == ';') {
        add(result, sql, params);
        sql.setLength(0);
        params = new ArrayList<>();
        i++;
      } else {
        sql.append(c);
        i++;
      }
    }
    add(result, sql, params);
    return result;
  }

  private void add(List<Statement> result, StringBuilder sql, List<String> params) {
    String s = sql.toString().strip();
    if (!s.isEmpty()) {
      result.add(new Statement(name, s, Collections.unmodifiableList(params)));
    }
  }

  private static int closing(String text, int start, char quote) {
    int i = start + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  /** One statement: JDBC text with {@code ?} marks and the parameter names in order. */
  public record Statement(String script, String sql, List<String> parameters)
      implements Serializable {
    private static final Pattern WRITES =
        Pattern.compile(
            "(?is)^(?:\\s|--[^\\n]*\\n)*"
                + "(?:(?:merge|insert)\\s+into|update|delete\\s+from)"
                + "\\s+([a-z_][a-z0-9_]*)\\b.*");

    /** Whether this statement is a MERGE, INSERT, UPDATE or DELETE of {@code table}. */
    public boolean writes(String table) {
      Matcher m = WRITES.matcher(sql);
      return m.matches() && m.group(1).equalsIgnoreCase(table);
    }
  }
}
