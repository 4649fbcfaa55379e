package etl.pipelines.movalytics;

import etl.transforms.parse.CsvFields;
import etl.transforms.parse.PythonLiteral;
import etl.transforms.parse.RecordParser;
import etl.transforms.parse.Rejected;
import etl.transforms.record.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses one record of the Kaggle {@code keywords.csv} ({@code id,keywords}; a Python-literal
 * list).
 */
public final class KeywordsParser implements RecordParser<KeywordsRecord> {
  private static final long serialVersionUID = 1L;
  static final List<String> COLUMNS = List.of("id", "keywords");
  static final String HEADER = String.join(",", COLUMNS);

  @Override
  public KeywordsRecord parse(SourceRecord record) throws Rejected {
    CsvFields f = CsvFields.parse(record.getText(), COLUMNS);
    long movieId = f.requiredLong("id");
    String cell = f.optionalText("keywords", 10_000_000);
    List<MovieKeyword> keywords = new ArrayList<>();
    for (Map<String, Object> k :
        cell == null ? List.<Map<String, Object>>of() : PythonLiteral.parseListOfDicts(cell)) {
      keywords.add(
          MovieKeyword.create(movieId, CreditsParser.id(k), CreditsParser.text(k, "name")));
    }
    return KeywordsRecord.create(record.getSource(), record.getPosition(), movieId, keywords);
  }
}
