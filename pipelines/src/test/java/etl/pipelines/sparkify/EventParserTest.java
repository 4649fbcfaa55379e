package etl.pipelines.sparkify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import etl.transforms.parse.Rejected;
import etl.transforms.record.SourceRecord;
import java.math.BigDecimal;
import org.joda.time.Instant;
import org.junit.Test;

public class EventParserTest {
  private final EventParser parser = new EventParser();

  private static final String NEXT_SONG =
      "{\"artist\":\"Des'ree\",\"auth\":\"Logged In\",\"firstName\":\"Kaylee\",\"gender\":\"F\","
          + "\"itemInSession\":1,\"lastName\":\"Summers\",\"length\":246.30812,\"level\":\"free\",\"location\":\"Phoenix-Mesa-Scottsdale,"
          + " AZ\",\"method\":\"PUT\",\"page\":\"NextSong\",\"registration\":1540344794796.0,\"sessionId\":139,\"song\":\"You"
          + " Gotta Be\",\"status\":200,\"ts\":1541106106796,\"userAgent\":\"\\\"Mozilla\\/5.0"
          + " (Windows NT 6.1; WOW64)\\\"\",\"userId\":\"8\"}";

  private static final String LOGGED_OUT =
      "{\"artist\":null,\"auth\":\"Logged"
          + " Out\",\"firstName\":null,\"gender\":null,\"itemInSession\":0,"
          + "\"lastName\":null,\"length\":null,\"level\":\"free\",\"location\":null,\"method\":\"GET\","
          + "\"page\":\"Home\",\"registration\":null,\"sessionId\":52,\"song\":null,\"status\":200,"
          + "\"ts\":1541207073796,\"userAgent\":null,\"userId\":\"\"}";

  private static SourceRecord line(String json) {
    return SourceRecord.create("file:///logs/2018-11-01-events.json", 42, json);
  }

  @Test
  public void parsesARealNextSongEvent() throws Rejected {
    SongplayEvent e = parser.parse(line(NEXT_SONG));

    assertThat(e.getTs()).isEqualTo(new Instant(1541106106796L));
    assertThat(e.getUserId()).isEqualTo(8);
    assertThat(e.getSessionId()).isEqualTo(139);
    assertThat(e.getItemInSession()).isEqualTo(1);
    assertThat(e.getSong()).isEqualTo("You Gotta Be");
    assertThat(e.getArtist()).isEqualTo("Des'ree");
    assertThat(e.getLength()).isEqualTo(new BigDecimal("246.30812"));
    assertThat(e.getLevel()).isEqualTo("free");
    assertThat(e.getUserAgent()).isEqualTo("\"Mozilla/5.0 (Windows NT 6.1; WOW64)\"");
    assertThat(e.getRegisteredAt()).isEqualTo(new Instant(1540344794796L));
    assertThat(e.getSource()).isEqualTo("file:///logs/2018-11-01-events.json");
    assertThat(e.getLine()).isEqualTo(42);
  }

  @Test
  public void keyIsTheMd5OfSessionItemAndTimestamp() throws Rejected {
    // md5("139|1|1541106106796"), computed independently with `printf '139|1|1541106106796' |
    // md5sum`
    assertThat(parser.parse(line(NEXT_SONG)).getEventId())
        .isEqualTo("00431e1a8552be93e09bc733998d57b5");
    assertThat(EventParser.eventId(139, 1, 1541106106796L))
        .isNotEqualTo(EventParser.eventId(139, 2, 1541106106796L));
  }

  @Test
  public void keepsALoggedOutEventWithoutAUser() throws Rejected {
    SongplayEvent e = parser.parse(line(LOGGED_OUT));
    assertThat(e.getUserId()).isNull();
    assertThat(e.getPage()).isEqualTo("Home");
    assertThat(e.getRegisteredAt()).isNull();
  }

  @Test
  public void rejectsANextSongEventWithAnEmptyUserId() {
    assertRejected(NEXT_SONG.replace("\"userId\":\"8\"", "\"userId\":\"\""), "missing_user_id");
  }

  @Test
  public void rejectsANextSongEventWithoutASong() {
    assertRejected(
        NEXT_SONG.replace("\"song\":\"You Gotta Be\"", "\"song\":null"), "missing_field");
  }

  @Test
  public void rejectsANextSongEventWithoutALevel() {
    assertRejected(NEXT_SONG.replace("\"level\":\"free\",", ""), "missing_field");
  }

  @Test
  public void rejectsANonNumericUserId() {
    assertRejected(NEXT_SONG.replace("\"userId\":\"8\"", "\"userId\":\"eight\""), "wrong_type");
  }

  @Test
  public void rejectsATimestampOfTheWrongType() {
    assertRejected(NEXT_SONG.replace("1541106106796,", "\"yesterday\","), "wrong_type");
  }

  @Test
  public void rejectsAFractionalSessionId() {
    assertRejected(NEXT_SONG.replace("\"sessionId\":139", "\"sessionId\":139.5"), "wrong_type");
  }

  @Test
  public void rejectsATimestampOutOfRange() {
    assertRejected(NEXT_SONG.replace("1541106106796,", "1,"), "out_of_range");
  }

  @Test
  public void rejectsAMissingSessionId() {
    assertRejected(NEXT_SONG.replace("\"sessionId\":139,", ""), "missing_field");
  }

  @Test
  public void rejectsAnUnknownLevel() {
    assertRejected(NEXT_SONG.replace("\"level\":\"free\"", "\"level\":\"gold\""), "invalid_value");
  }

  @Test
  public void rejectsAHugeUserAgent() {
    assertRejected(NEXT_SONG.replace("Mozilla", "M".repeat(100_000)), "field_too_long");
  }

  @Test
  public void rejectsAnEscapedNulCharacter() {
    assertRejected(NEXT_SONG.replace("Summers", "Sum\\u0000mers"), "invalid_character");
  }

  @Test
  public void rejectsInvalidJson() {
    assertRejected(NEXT_SONG.substring(0, 40), "invalid_json");
  }

  @Test
  public void rejectsAnArray() {
    assertRejected("[" + NEXT_SONG + "]", "not_an_object");
  }

  private void assertRejected(String json, String reason) {
    assertThatThrownBy(() -> parser.parse(line(json)))
        .isInstanceOf(Rejected.class)
        .satisfies(e -> assertThat(((Rejected) e).reason()).isEqualTo(reason));
  }
}
