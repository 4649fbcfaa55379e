package etl.transforms.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV record split by commons-csv (RFC 4180 quoting, fields spanning lines), with strict typed
 * access by column name. Problems are {@link Rejected} with stable reasons: {@code invalid_csv},
 * {@code wrong_column_count}, {@code missing_field}, {@code wrong_type}, {@code out_of_range},
 * {@code invalid_date}, {@code field_too_long}, {@code invalid_character}.
 */
public final class CsvFields {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(false).get();

  private final List<String> columns;
  private final List<String> values;

  private CsvFields(List<String> columns, List<String> values) {
    this.columns = columns;
    this.values = values;
  }

  /** Splits {@code text} (one record) and checks it has exactly the given columns. */
  public static CsvFields parse(String text, List<String> columns) throws Rejected {
    List<String> values;
    if (text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      // Without quotes or line breaks a CSV record is exactly its comma-separated fields: skip
      // the parser's setup, which dominates on 26 M short rating lines.
      values = splitPlain(text);
      if (values.size() != columns.size()) {
        throw new Rejected(
            "wrong_column_count",
            "expected " + columns.size() + " columns, found " + values.size());
      }
      return new CsvFields(columns, values);
    }
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        throw new Rejected("invalid_csv", "expected one CSV record, found " + records.size());
      }
      values = records.get(0).toList();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new Rejected("invalid_csv", String.valueOf(e.getMessage()));
    } catch (IOException e) {
      throw new Rejected("invalid_csv", e.getMessage());
    }
    if (values.size() != columns.size()) {
      throw new Rejected(
          "wrong_column_count", "expected " + columns.size() + " columns, found " + values.size());
    }
    return new CsvFields(columns, values);
  }

  private static List<String> splitPlain(String text) {
    List<String> values = new java.util.ArrayList<>(8);
    int from = 0;
    int comma;
    while ((comma = text.indexOf(',', from)) >= 0) {
      values.add(text.substring(from, comma));
      from = comma + 1;
    }
    values.add(text.substring(from));
    return values;
  }

  private int index(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + column);
    }
    return i;
  }

  /** The raw value; null when empty. */
  public String optionalText(String column, int maxLength) throws Rejected {
    String v = values.get(index(column));
    if (v.isEmpty()) {
      return null;
    }
    if (v.length() > maxLength) {
      throw new Rejected(
          "field_too_long", column + " has " + v.length() + " characters, limit " + maxLength);
    }
    if (v.indexOf('\u0000') >= 0) {
      throw new Rejected("invalid_character", column + " contains a NUL character");
    }
    return v;
  }

  public String requiredText(String column, int maxLength) throws Rejected {
    String v = optionalText(column, maxLength);
    if (v == null || v.isBlank()) {
      throw new Rejected("missing_field", column + " is empty");
    }
    return v;
  }

  public Long optionalLong(String column) throws Rejected {
    String v = optionalText(column, 64);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v.strip()).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new Rejected(
          "wrong_type", column + " must be a whole number, found \"" + abbreviate(v) + "\"");
    }
  }

  public long requiredLong(String column) throws Rejected {
    Long v = optionalLong(column);
    if (v == null) {
      throw new Rejected("missing_field", column + " is empty");
    }
    return v;
  }

  /** A decimal rounded half-up to {@code scale}, within [min, max]; null when empty. */
  public BigDecimal optionalDecimal(String column, int scale, double min, double max)
      throws Rejected {
    String v = optionalText(column, 64);
    if (v == null) {
      return null;
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v.strip());
    } catch (NumberFormatException e) {
      throw new Rejected(
          "wrong_type", column + " must be a number, found \"" + abbreviate(v) + "\"");
    }
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new Rejected(
          "out_of_range",
          column + " " + d.toPlainString() + " is outside [" + min + ", " + max + "]");
    }
    return d.setScale(scale, RoundingMode.HALF_UP);
  }

  /** An ISO date (YYYY-MM-DD); null when empty. */
  public LocalDate optionalDate(String column) throws Rejected {
    String v = optionalText(column, 64);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeException e) {
      throw new Rejected(
          "invalid_date", column + " is not a date (YYYY-MM-DD): \"" + abbreviate(v) + "\"");
    }
  }

  /** {@code True}/{@code False} as pandas writes them; null when empty. */
  public Boolean optionalBoolean(String column) throws Rejected {
    String v = optionalText(column, 16);
    if (v == null) {
      return null;
    }
    switch (v.strip()) {
      case "True":
      case "true":
        return true;
      case "False":
      case "false":
        return false;
      default:
        throw new Rejected(
            "wrong_type", column + " must be True or False, found \"" + abbreviate(v) + "\"");
    }
  }

  private static String abbreviate(String t) {
    return t.length() <= 40 ? t : t.substring(0, 40) + "…";
  }
}
