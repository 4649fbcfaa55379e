package etl.pipelines.sparkify;

import etl.transforms.parse.JsonObject;
import etl.transforms.parse.RecordParser;
import etl.transforms.parse.Rejected;
import etl.transforms.record.SourceRecord;
import java.math.BigDecimal;

/**
 * Parses one song file (a single JSON object) into a {@link Song}.
 *
 * <p>Rules, each documented in the README: {@code song_id}, {@code title}, {@code artist_id},
 * {@code artist_name} and {@code duration} are required; {@code year} 0 means unknown and becomes
 * null; an empty {@code artist_location} is null and an HTML link there is reduced to its link
 * text; coordinates are kept to 6 decimals and must be on the globe; durations to 5 decimals.
 * Rejections use the reason codes of {@link JsonObject} plus {@code out_of_range} for a year
 * outside 1000–2100.
 */
public final class SongParser implements RecordParser<Song> {
  private static final long serialVersionUID = 1L;
  static final int ID_LENGTH = 64;
  static final int TEXT_LENGTH = 1024;

  @Override
  public Song parse(SourceRecord record) throws Rejected {
    JsonObject o = JsonObject.parse(record.getText());
    String songId = o.requiredText("song_id", ID_LENGTH);
    String title = o.requiredText("title", TEXT_LENGTH);
    String artistId = o.requiredText("artist_id", ID_LENGTH);
    String artistName = o.requiredText("artist_name", TEXT_LENGTH);
    String location = cleanLocation(o.optionalText("artist_location", TEXT_LENGTH));
    BigDecimal latitude = o.optionalDecimal("artist_latitude", 6, -90, 90);
    BigDecimal longitude = o.optionalDecimal("artist_longitude", 6, -180, 180);
    Integer year = o.optionalInt("year");
    if (year != null && year == 0) {
      year = null;
    } else if (year != null && (year < 1000 || year > 2100)) {
      throw new Rejected("out_of_range", "year " + year + " is outside 1000..2100");
    }
    BigDecimal duration = o.optionalDecimal("duration", 5, 0, 1_000_000);
    if (duration == null) {
      throw new Rejected("missing_field", "duration is missing");
    }
    Integer numSongs = o.optionalInt("num_songs");
    return Song.builder()
        .setSource(record.getSource())
        .setSongId(songId)
        .setTitle(title)
        .setArtistId(artistId)
        .setArtistName(artistName)
        .setArtistLocation(location)
        .setArtistLatitude(latitude)
        .setArtistLongitude(longitude)
        .setYear(year)
        .setDuration(duration)
        .setNumSongs(numSongs)
        .build();
  }

  /** Empty → null; {@code <a …>text</a>} → text (some locations were scraped as HTML links). */
  static String cleanLocation(String location) {
    if (location == null) {
      return null;
    }
    String s = location.strip();
    if (s.startsWith("<")) {
      int open = s.indexOf('>');
      int close = s.lastIndexOf('<');
      s = open >= 0 && close > open ? s.substring(open + 1, close).strip() : "";
    }
    return s.isEmpty() ? null : s;
  }
}
