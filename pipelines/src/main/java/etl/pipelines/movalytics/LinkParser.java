package etl.pipelines.movalytics;

import etl.transforms.parse.CsvFields;
import etl.transforms.parse.RecordParser;
import etl.transforms.parse.Rejected;
import etl.transforms.record.SourceRecord;
import java.util.List;

/**
 * Parses one line of {@code links.csv} ({@code movieId,imdbId,tmdbId}); an empty tmdbId is kept as
 * null.
 */
public final class LinkParser implements RecordParser<Link> {
  private static final long serialVersionUID = 1L;
  static final List<String> COLUMNS = List.of("movieId", "imdbId", "tmdbId");
  static final String HEADER = String.join(",", COLUMNS);

  @Override
  public Link parse(SourceRecord record) throws Rejected {
    CsvFields f = CsvFields.parse(record.getText(), COLUMNS);
    return Link.create(
        record.getSource(),
        record.getPosition(),
        f.requiredLong("movieId"),
        f.optionalText("imdbId", 16),
        f.optionalLong("tmdbId"));
  }
}
