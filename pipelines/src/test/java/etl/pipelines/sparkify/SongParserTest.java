package etl.pipelines.sparkify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import etl.transforms.parse.Rejected;
import etl.transforms.record.SourceRecord;
import java.math.BigDecimal;
import org.junit.Test;

public class SongParserTest {
  private final SongParser parser = new SongParser();

  private static SourceRecord file(String json) {
    return SourceRecord.create("s3://bucket/song_data/A/B/C/TRX.json", 1, json);
  }

  private static final String GOOD =
      "{\"artist_id\":\"ARRP7LB1187B99A343\",\"artist_latitude\":51.16418,"
          + "\"artist_location\":\"GERMANY\",\"artist_longitude\":10.45415,"
          + "\"artist_name\":\"Fiddler's Green\",\"duration\":202.86649,\"num_songs\":1,"
          + "\"song_id\":\"SOIVLFT12AB017EEF8\",\"title\":\"Stay By My Side\",\"year\":1995}";

  @Test
  public void parsesARealSongFileWithExactDecimals() throws Rejected {
    Song song = parser.parse(file(GOOD));

    assertThat(song.getSongId()).isEqualTo("SOIVLFT12AB017EEF8");
    assertThat(song.getTitle()).isEqualTo("Stay By My Side");
    assertThat(song.getArtistId()).isEqualTo("ARRP7LB1187B99A343");
    assertThat(song.getArtistName()).isEqualTo("Fiddler's Green");
    assertThat(song.getArtistLocation()).isEqualTo("GERMANY");
    assertThat(song.getArtistLatitude()).isEqualTo(new BigDecimal("51.164180"));
    assertThat(song.getArtistLongitude()).isEqualTo(new BigDecimal("10.454150"));
    assertThat(song.getDuration()).isEqualTo(new BigDecimal("202.86649"));
    assertThat(song.getYear()).isEqualTo(1995);
    assertThat(song.getSource()).isEqualTo("s3://bucket/song_data/A/B/C/TRX.json");
  }

  @Test
  public void turnsYearZeroIntoUnknown() throws Rejected {
    assertThat(parser.parse(file(GOOD.replace("\"year\":1995", "\"year\":0"))).getYear()).isNull();
  }

  @Test
  public void reducesAnHtmlLinkLocationToItsText() throws Rejected {
    String html =
        "<a href=\\\"http://billyidol.net\\\" onmousedown='UntrustedLink.bootstrap($(this),"
            + " \\\"fc44\\\", event)' target=\\\"_blank\\\""
            + " rel=\\\"nofollow\\\">http://billyidol.net</a>";
    Song song = parser.parse(file(GOOD.replace("\"GERMANY\"", "\"" + html + "\"")));
    assertThat(song.getArtistLocation()).isEqualTo("http://billyidol.net");
  }

  @Test
  public void treatsAnEmptyLocationAsUnknown() throws Rejected {
    assertThat(parser.parse(file(GOOD.replace("\"GERMANY\"", "\"\""))).getArtistLocation())
        .isNull();
  }

  @Test
  public void keepsATitleWrittenAsANumberAsText() throws Rejected {
    Song song = parser.parse(file(GOOD.replace("\"Stay By My Side\"", "1999")));
    assertThat(song.getTitle()).isEqualTo("1999");
  }

  @Test
  public void rejectsInvalidJson() {
    assertRejected("{\"song_id\": \"SO1\", \"title\": ", "invalid_json");
  }

  @Test
  public void rejectsTwoObjectsInOneFile() {
    assertRejected(GOOD + GOOD, "invalid_json");
  }

  @Test
  public void rejectsAnArrayWhereAnObjectBelongs() {
    assertRejected("[" + GOOD + "]", "not_an_object");
  }

  @Test
  public void rejectsAMissingSongId() {
    assertRejected(GOOD.replace("\"song_id\":\"SOIVLFT12AB017EEF8\",", ""), "missing_field");
  }

  @Test
  public void rejectsADurationOfTheWrongType() {
    assertRejected(GOOD.replace("202.86649", "\"long\""), "wrong_type");
  }

  @Test
  public void rejectsABooleanTitle() {
    assertRejected(GOOD.replace("\"Stay By My Side\"", "true"), "wrong_type");
  }

  @Test
  public void rejectsALatitudeOffTheGlobe() {
    assertRejected(GOOD.replace("51.16418", "91.5"), "out_of_range");
  }

  @Test
  public void rejectsAHugeTitleInsteadOfTruncatingIt() {
    assertRejected(GOOD.replace("Stay By My Side", "x".repeat(10_000_000)), "field_too_long");
  }

  @Test
  public void rejectsDuplicateKeys() {
    assertRejected(GOOD.replace("{", "{\"title\":\"Other\","), "invalid_json");
  }

  private void assertRejected(String json, String reason) {
    assertThatThrownBy(() -> parser.parse(file(json)))
        .isInstanceOf(Rejected.class)
        .satisfies(e -> assertThat(((Rejected) e).reason()).isEqualTo(reason));
  }
}
