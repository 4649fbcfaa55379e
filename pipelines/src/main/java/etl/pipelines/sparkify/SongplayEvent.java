package etl.pipelines.sparkify;

import etl.transforms.io.ValueObject;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One event of the song-play logs (every page, not only NextSong), typed: a row of {@code
 * s_songplay_event}. {@code eventId} is the deterministic key described in {@link
 * EventParser#eventId}; {@code source}/{@code line} say where the event was read.
 */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class SongplayEvent extends ValueObject {
  public final String source;
  public final long line;
  public final String eventId;
  public final Instant ts;
  public final @Nullable Integer userId;
  public final @Nullable String firstName;
  public final @Nullable String lastName;
  public final @Nullable String gender;
  public final @Nullable String level;
  public final @Nullable String location;
  public final @Nullable String userAgent;
  public final long sessionId;
  public final int itemInSession;
  public final String page;
  public final @Nullable String auth;
  public final @Nullable String method;
  public final @Nullable Integer status;
  public final @Nullable String song;
  public final @Nullable String artist;
  public final @Nullable BigDecimal length;
  public final @Nullable Instant registeredAt;

  @SchemaCreate
  public SongplayEvent(
      String source,
      long line,
      String eventId,
      Instant ts,
      @Nullable Integer userId,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String gender,
      @Nullable String level,
      @Nullable String location,
      @Nullable String userAgent,
      long sessionId,
      int itemInSession,
      String page,
      @Nullable String auth,
      @Nullable String method,
      @Nullable Integer status,
      @Nullable String song,
      @Nullable String artist,
      @Nullable BigDecimal length,
      @Nullable Instant registeredAt) {
    this.source = source;
    this.line = line;
    this.eventId = eventId;
    this.ts = ts;
    this.userId = userId;
    this.firstName = firstName;
    this.lastName = lastName;
    this.gender = gender;
    this.level = level;
    this.location = location;
    this.userAgent = userAgent;
    this.sessionId = sessionId;
    this.itemInSession = itemInSession;
    this.page = page;
    this.auth = auth;
    this.method = method;
    this.status = status;
    this.song = song;
    this.artist = artist;
    this.length = length;
    this.registeredAt = registeredAt;
  }

  @Override
  public String toString() {
    return eventId + " " + page + " user " + userId + " at " + ts;
  }
}
