package etl.transforms.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Strict, typed access to one JSON object, for parsers of JSON sources. Every problem is a {@link
 * Rejected} with a stable reason code:
 *
 * <ul>
 *   <li>{@code invalid_json} — not JSON, duplicate keys, or more than one value in the record;
 *   <li>{@code not_an_object} — valid JSON but an array or scalar where an object belongs;
 *   <li>{@code missing_field} — a required field absent, null or empty;
 *   <li>{@code wrong_type} — a field of the wrong JSON type or an unparseable numeric string;
 *   <li>{@code out_of_range} — a number outside the allowed range;
 *   <li>{@code field_too_long} — text longer than its column allows;
 *   <li>{@code invalid_character} — text containing NUL, which no warehouse text column stores.
 * </ul>
 */
public final class JsonObject {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  static {
    // Records with very long fields must reach our own length checks, not die in the tokenizer.
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
  }

  private final JsonNode node;

  private JsonObject(JsonNode node) {
    this.node = node;
  }

  public static JsonObject parse(String text) throws Rejected {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Rejected("invalid_json", e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new Rejected("invalid_json", "no JSON value in the record");
    }
    if (!node.isObject()) {
      throw new Rejected("not_an_object", "expected a JSON object, found " + node.getNodeType());
    }
    return new JsonObject(node);
  }

  private JsonNode value(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  /**
   * Text of a string field, or null when absent/null; empty strings are returned as they are. A
   * JSON number is accepted as its decimal text (real sources write titles such as 1999 unquoted);
   * booleans, arrays and objects are {@code wrong_type}.
   */
  public String optionalText(String field, int maxLength) throws Rejected {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    String text;
    if (v.isTextual()) {
      text = v.textValue();
    } else if (v.isNumber()) {
      text =
          v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.decimalValue().toPlainString();
    } else {
      throw new Rejected("wrong_type", field + " must be a string, found " + v.getNodeType());
    }
    if (text.length() > maxLength) {
      throw new Rejected(
          "field_too_long", field + " has " + text.length() + " characters, limit " + maxLength);
    }
    if (text.indexOf('\u0000') >= 0) {
      throw new Rejected("invalid_character", field + " contains a NUL character");
    }
    return text;
  }

  /** Like {@link #optionalText} but an absent, null or blank value is {@code missing_field}. */
  public String requiredText(String field, int maxLength) throws Rejected {
    String text = optionalText(field, maxLength);
    if (text == null || text.isBlank()) {
      throw new Rejected("missing_field", field + " is missing or empty");
    }
    return text;
  }

  /** An integral number (a JSON number, or a string holding one); null when absent/null/"". */
  public Long optionalLong(String field) throws Rejected {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    BigDecimal d = decimalOf(field, v);
    if (d == null) {
      return null;
    }
    try {
      return d.stripTrailingZeros().longValueExact();
    } catch (ArithmeticException e) {
      throw new Rejected("wrong_type", field + " must be a whole number, found " + v);
    }
  }

  public long requiredLong(String field) throws Rejected {
    Long v = optionalLong(field);
    if (v == null) {
      throw new Rejected("missing_field", field + " is missing");
    }
    return v;
  }

  public Integer optionalInt(String field) throws Rejected {
    Long v = optionalLong(field);
    if (v == null) {
      return null;
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new Rejected("out_of_range", field + " " + v + " does not fit a 32-bit integer");
    }
    return v.intValue();
  }

  public int requiredInt(String field) throws Rejected {
    Integer v = optionalInt(field);
    if (v == null) {
      throw new Rejected("missing_field", field + " is missing");
    }
    return v;
  }

  /**
   * A decimal rounded half-up to {@code scale} digits, within [{@code min}, {@code max}]; null when
   * absent or null.
   */
  public BigDecimal optionalDecimal(String field, int scale, double min, double max)
      throws Rejected {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    BigDecimal d = decimalOf(field, v);
    if (d == null) {
      return null;
    }
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new Rejected(
          "out_of_range",
          field + " " + d.toPlainString() + " is outside [" + min + ", " + max + "]");
    }
    return d.setScale(scale, RoundingMode.HALF_UP);
  }

  private static BigDecimal decimalOf(String field, JsonNode v) throws Rejected {
    if (v.isNumber()) {
      if (v.isDouble() || v.isFloat()) {
        if (!Double.isFinite(v.doubleValue())) {
          throw new Rejected("wrong_type", field + " is not a finite number");
        }
      }
      return v.decimalValue();
    }
    if (v.isTextual()) {
      String t = v.textValue().trim();
      if (t.isEmpty()) {
        return null;
      }
      try {
        return new BigDecimal(t);
      } catch (NumberFormatException e) {
        throw new Rejected(
            "wrong_type", field + " must be a number, found \"" + abbreviate(t) + "\"");
      }
    }
    throw new Rejected("wrong_type", field + " must be a number, found " + v.getNodeType());
  }

  private static String abbreviate(String t) {
    return t.length() <= 40 ? t : t.substring(0, 40) + "…";
  }
}
