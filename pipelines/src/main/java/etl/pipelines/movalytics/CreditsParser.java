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
 * Parses one record of the Kaggle {@code credits.csv} ({@code cast,crew,id}); cast and crew are
 * Python-literal lists of dicts. Every credit needs a credit id, a person id and a name ({@code
 * invalid_literal} otherwise).
 */
public final class CreditsParser implements RecordParser<CreditsRecord> {
  private static final long serialVersionUID = 1L;
  static final List<String> COLUMNS = List.of("cast", "crew", "id");
  static final String HEADER = String.join(",", COLUMNS);

  @Override
  public CreditsRecord parse(SourceRecord record) throws Rejected {
    CsvFields f = CsvFields.parse(record.getText(), COLUMNS);
    long movieId = f.requiredLong("id");
    List<CastCredit> cast = new ArrayList<>();
    for (Map<String, Object> c : list(f, "cast")) {
      cast.add(
          CastCredit.builder()
              .setMovieId(movieId)
              .setCreditId(text(c, "credit_id"))
              .setPersonId(id(c))
              .setPersonName(text(c, "name"))
              .setGender(integer(c, "gender"))
              .setCharacter(optionalText(c, "character"))
              .setCastOrder(integer(c, "order"))
              .build());
    }
    List<CrewCredit> crew = new ArrayList<>();
    for (Map<String, Object> c : list(f, "crew")) {
      crew.add(
          CrewCredit.builder()
              .setMovieId(movieId)
              .setCreditId(text(c, "credit_id"))
              .setPersonId(id(c))
              .setPersonName(text(c, "name"))
              .setGender(integer(c, "gender"))
              .setDepartment(optionalText(c, "department"))
              .setJob(optionalText(c, "job"))
              .build());
    }
    return CreditsRecord.create(record.getSource(), record.getPosition(), movieId, cast, crew);
  }

  private static List<Map<String, Object>> list(CsvFields f, String column) throws Rejected {
    String cell = f.optionalText(column, 10_000_000);
    return cell == null ? List.of() : PythonLiteral.parseListOfDicts(cell);
  }

  static long id(Map<String, Object> c) throws Rejected {
    if (!(c.get("id") instanceof Long id)) {
      throw new Rejected("invalid_literal", "a credit needs an integer id: " + c);
    }
    return id;
  }

  static String text(Map<String, Object> c, String key) throws Rejected {
    if (!(c.get(key) instanceof String s) || s.isBlank()) {
      throw new Rejected("invalid_literal", "a credit needs a " + key + ": " + c);
    }
    return s;
  }

  private static String optionalText(Map<String, Object> c, String key) {
    return c.get(key) instanceof String s ? s : null;
  }

  private static Integer integer(Map<String, Object> c, String key) {
    return c.get(key) instanceof Long l ? Integer.valueOf(l.intValue()) : null;
  }
}
