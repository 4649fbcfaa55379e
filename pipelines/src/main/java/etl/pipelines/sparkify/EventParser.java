package etl.pipelines.sparkify;

import etl.transforms.parse.JsonObject;
import etl.transforms.parse.RecordParser;
import etl.transforms.parse.Rejected;
import etl.transforms.record.SourceRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.joda.time.Instant;

/**
 * Parses one line of a song-play event log into a {@link SongplayEvent}.
 *
 * <p>Every event is kept (logged-out visits too); {@code ts}, {@code sessionId}, {@code
 * itemInSession} and {@code page} are required. An empty {@code userId} is null — normal for
 * logged-out events — but a {@code NextSong} event must have a user, a song, an artist, a length
 * and a level (reasons {@code missing_user_id}, {@code missing_field}). Timestamps must fall in
 * 2000–2100 ({@code out_of_range}); {@code level} must be free or paid ({@code invalid_value}).
 */
public final class EventParser implements RecordParser<SongplayEvent> {
  private static final long serialVersionUID = 1L;
  static final String NEXT_SONG = "NextSong";
  private static final long MIN_TS = 946_684_800_000L; // 2000-01-01T00:00:00Z
  private static final long MAX_TS = 4_102_444_800_000L; // 2100-01-01T00:00:00Z
  private static final Set<String> LEVELS = Set.of("free", "paid");
  private static final int NAME_LENGTH = 256;
  private static final int TEXT_LENGTH = 1024;

  @Override
  public SongplayEvent parse(SourceRecord record) throws Rejected {
    JsonObject o = JsonObject.parse(record.getText());
    long ts = timestamp(o.requiredLong("ts"), "ts");
    long sessionId = o.requiredLong("sessionId");
    int itemInSession = o.requiredInt("itemInSession");
    String page = o.requiredText("page", 64);
    Integer userId = userId(o.optionalText("userId", 32));
    String level = o.optionalText("level", 16);
    if (level != null && !LEVELS.contains(level)) {
      throw new Rejected("invalid_value", "level must be free or paid, found \"" + level + "\"");
    }
    String song = o.optionalText("song", TEXT_LENGTH);
    String artist = o.optionalText("artist", TEXT_LENGTH);
    BigDecimal length = o.optionalDecimal("length", 5, 0, 1_000_000);
    if (NEXT_SONG.equals(page)) {
      if (userId == null) {
        throw new Rejected("missing_user_id", "a NextSong event must have a userId");
      }
      if (song == null || song.isBlank() || artist == null || artist.isBlank() || length == null) {
        throw new Rejected("missing_field", "a NextSong event must have song, artist and length");
      }
      if (level == null) {
        throw new Rejected("missing_field", "a NextSong event must have a level");
      }
    }
    BigDecimal registration = o.optionalDecimal("registration", 0, 0, Long.MAX_VALUE);
    // The order of the checks below decides the reason of a record with several bad fields.
    return SongplayEvent.builder()
        .setSource(record.getSource())
        .setLine(record.getPosition())
        .setEventId(eventId(sessionId, itemInSession, ts))
        .setTs(new Instant(ts))
        .setUserId(userId)
        .setFirstName(o.optionalText("firstName", NAME_LENGTH))
        .setLastName(o.optionalText("lastName", NAME_LENGTH))
        .setGender(o.optionalText("gender", 16))
        .setLevel(level)
        .setLocation(o.optionalText("location", TEXT_LENGTH))
        .setUserAgent(o.optionalText("userAgent", TEXT_LENGTH))
        .setSessionId(sessionId)
        .setItemInSession(itemInSession)
        .setPage(page)
        .setAuth(o.optionalText("auth", 32))
        .setMethod(o.optionalText("method", 16))
        .setStatus(o.optionalInt("status"))
        .setSong(song)
        .setArtist(artist)
        .setLength(length)
        .setRegisteredAt(
            registration == null
                ? null
                : new Instant(timestamp(registration.longValue(), "registration")))
        .build();
  }

  private static long timestamp(long millis, String field) throws Rejected {
    if (millis < MIN_TS || millis >= MAX_TS) {
      throw new Rejected(
          "out_of_range", field + " " + millis + " ms is outside 2000-01-01..2100-01-01");
    }
    return millis;
  }

  private static Integer userId(String text) throws Rejected {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      int id = Integer.parseInt(text.strip());
      if (id < 0) {
        throw new Rejected("out_of_range", "userId must not be negative: " + id);
      }
      return id;
    } catch (NumberFormatException e) {
      throw new Rejected("wrong_type", "userId must be a whole number, found \"" + text + "\"");
    }
  }

  /**
   * The event's key, also {@code songplay_id} of its {@code f_songplay} row: the hex MD5 of {@code
   * sessionId|itemInSession|ts}. A session's item number identifies an event within the session;
   * the timestamp guards against session ids being reused. It does not depend on the file or line
   * the event was read from, so reloading, splitting or renaming files keeps every key.
   */
  static String eventId(long sessionId, int itemInSession, long ts) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      byte[] digest =
          md5.digest((sessionId + "|" + itemInSession + "|" + ts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
  }
}
