package etl.pipelines.movalytics;

import etl.transforms.parse.CsvFields;
import etl.transforms.parse.RecordParser;
import etl.transforms.parse.Rejected;
import etl.transforms.record.SourceRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.joda.time.Instant;

/**
 * Parses one line of the FRED series CUSR0000SS62031 ({@code DATE,CUSR0000SS62031}): a month (first
 * day) and its index. FRED writes "." for a missing value: {@code missing_value}.
 */
public final class CpiParser implements RecordParser<CpiMonth> {
  private static final long serialVersionUID = 1L;
  static final String SERIES = "CUSR0000SS62031";
  static final List<String> COLUMNS = List.of("DATE", SERIES);
  static final String HEADER = String.join(",", COLUMNS);

  @Override
  public CpiMonth parse(SourceRecord record) throws Rejected {
    CsvFields f = CsvFields.parse(record.getText(), COLUMNS);
    LocalDate date = f.optionalDate("DATE");
    if (date == null) {
      throw new Rejected("missing_field", "DATE is empty");
    }
    if (date.getDayOfMonth() != 1) {
      throw new Rejected("invalid_date", "a monthly series is dated on the 1st, found " + date);
    }
    String value = f.optionalText(SERIES, 32);
    if (value == null || value.strip().equals(".")) {
      throw new Rejected("missing_value", "no index value for " + date);
    }
    BigDecimal cpi = f.optionalDecimal(SERIES, 3, 0.001, 1e6);
    return CpiMonth.create(
        record.getSource(),
        record.getPosition(),
        new Instant(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()),
        cpi);
  }
}
