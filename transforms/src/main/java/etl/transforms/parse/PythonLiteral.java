package etl.transforms.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python literals that data sets written with pandas put into CSV cells — e.g. {@code
 * [{'id': 16, 'name': 'Animation'}]} — without evaluating anything.
 *
 * <p>Supports lists, tuples (as lists), dicts, strings in single or double quotes with Python's
 * escapes ({@code \'}, {@code \"}, {@code \\}, {@code \n}, {@code \t}, {@code \r}, {@code \xNN},
 * {@code \\uNNNN}), integers ({@link Long} or {@link BigInteger}), floats ({@link BigDecimal}),
 * {@code True}, {@code False} and {@code None} (null). Anything else is a {@link Rejected} with
 * reason {@code invalid_literal} and the character position.
 */
public final class PythonLiteral {
  private final String text;
  private int pos;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /** The value of a whole literal; trailing content other than whitespace is an error. */
  public static Object parse(String text) throws Rejected {
    if (text == null) {
      throw new Rejected("invalid_literal", "no literal");
    }
    PythonLiteral p = new PythonLiteral(text);
    Object value = p.value();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("unexpected content after the literal");
    }
    return value;
  }

  /** A literal that must be a list of dicts (the shape of genres, keywords, cast and crew). */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> parseListOfDicts(String text) throws Rejected {
    Object v = parse(text);
    if (!(v instanceof List<?> list)) {
      throw new Rejected("invalid_literal", "expected a list, found " + typeName(v));
    }
    for (Object item : list) {
      if (!(item instanceof Map)) {
        throw new Rejected(
            "invalid_literal", "expected a list of dicts, found an item " + typeName(item));
      }
    }
    return (List<Map<String, Object>>) v;
  }

  private static String typeName(Object v) {
    return v == null ? "None" : v.getClass().getSimpleName();
  }

  private Object value() throws Rejected {
    skipSpace();
    if (pos >= text.length()) {
      throw error("unexpected end of the literal");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '[':
        return sequence('[', ']');
      case '(':
        return sequence('(', ')');
      case '{':
        return dict();
      case '\'':
      case '"':
        return string();
      default:
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
          return number();
        }
        return word();
    }
  }

  private List<Object> sequence(char open, char close) throws Rejected {
    pos++;
    List<Object> items = new ArrayList<>();
    skipSpace();
    if (peek() == close) {
      pos++;
      return items;
    }
    while (true) {
      items.add(value());
      skipSpace();
      char c = next("',' or '" + close + "'");
      if (c == close) {
        return items;
      }
      if (c != ',') {
        throw error("expected ',' or '" + close + "'");
      }
      skipSpace();
      if (peek() == close) { // trailing comma
        pos++;
        return items;
      }
    }
  }

  private Map<String, Object> dict() throws Rejected {
    pos++;
    Map<String, Object> map = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      Object key = value();
      if (!(key instanceof String || key instanceof Number)) {
        throw error("dict keys must be strings or numbers");
      }
      skipSpace();
      if (next("':'") != ':') {
        throw error("expected ':'");
      }
      map.put(String.valueOf(key), value());
      skipSpace();
      char c = next("',' or '}'");
      if (c == '}') {
        return Collections.unmodifiableMap(map);
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
      skipSpace();
      if (peek() == '}') {
        pos++;
        return Collections.unmodifiableMap(map);
      }
    }
  }

  private String string() throws Rejected {
    char quote = text.charAt(pos++);
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '\\', '\'', '"' -> sb.append(e);
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '0' -> sb.append('\0');
        case 'x' -> sb.append((char) hex(2));
        case 'u' -> sb.append((char) hex(4));
        case '\n' -> {} // line continuation
        default -> sb.append('\\').append(e); // Python keeps unknown escapes as they are
      }
    }
  }

  private int hex(int digits) throws Rejected {
    if (pos + digits > text.length()) {
      throw error("truncated \\x or \\u escape");
    }
    try {
      int v = Integer.parseInt(text.substring(pos, pos + digits), 16);
      pos += digits;
      return v;
    } catch (NumberFormatException e) {
      throw error("bad hex escape");
    }
  }

  private Object number() throws Rejected {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String n = text.substring(start, pos);
    try {
      if (n.contains(".") || n.contains("e") || n.contains("E")) {
        return new BigDecimal(n);
      }
      BigInteger big = new BigInteger(n);
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    } catch (NumberFormatException e) {
      pos = start;
      throw error("bad number '" + n + "'");
    }
  }

  private Object word() throws Rejected {
    int start = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    String w = text.substring(start, pos);
    switch (w) {
      case "True":
        return Boolean.TRUE;
      case "False":
        return Boolean.FALSE;
      case "None":
        return null;
      default:
        pos = start;
        throw error(
            w.isEmpty()
                ? "unexpected character '" + text.charAt(pos) + "'"
                : "unknown name '" + w + "'");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\uFFFF';
  }

  private char next(String expected) throws Rejected {
    if (pos >= text.length()) {
      throw error("unexpected end, expected " + expected);
    }
    return text.charAt(pos++);
  }

  private Rejected error(String what) {
    return new Rejected("invalid_literal", what + " at character " + pos);
  }
}
