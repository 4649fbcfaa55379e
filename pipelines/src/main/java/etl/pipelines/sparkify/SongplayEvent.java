package etl.pipelines.sparkify;

import com.google.auto.value.AutoValue;
import etl.transforms.record.Origin;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One event of the song-play logs (every page, not only NextSong), typed: a row of {@code
 * s_songplay_event}. {@code eventId} is the deterministic key described in {@link
 * EventParser#eventId}; {@code source}/{@code line} say where the event was read.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class SongplayEvent implements Origin {
  public abstract String getSource();

  public abstract long getLine();

  public abstract String getEventId();

  public abstract Instant getTs();

  public abstract @Nullable Integer getUserId();

  public abstract @Nullable String getFirstName();

  public abstract @Nullable String getLastName();

  public abstract @Nullable String getGender();

  public abstract @Nullable String getLevel();

  public abstract @Nullable String getLocation();

  public abstract @Nullable String getUserAgent();

  public abstract long getSessionId();

  public abstract int getItemInSession();

  public abstract String getPage();

  public abstract @Nullable String getAuth();

  public abstract @Nullable String getMethod();

  public abstract @Nullable Integer getStatus();

  public abstract @Nullable String getSong();

  public abstract @Nullable String getArtist();

  public abstract @Nullable BigDecimal getLength();

  public abstract @Nullable Instant getRegisteredAt();

  public static Builder builder() {
    return new AutoValue_SongplayEvent.Builder();
  }

  /** Builds a {@link SongplayEvent}; every field not marked nullable must be set. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSource(String source);

    public abstract Builder setLine(long line);

    public abstract Builder setEventId(String eventId);

    public abstract Builder setTs(Instant ts);

    public abstract Builder setUserId(@Nullable Integer userId);

    public abstract Builder setFirstName(@Nullable String firstName);

    public abstract Builder setLastName(@Nullable String lastName);

    public abstract Builder setGender(@Nullable String gender);

    public abstract Builder setLevel(@Nullable String level);

    public abstract Builder setLocation(@Nullable String location);

    public abstract Builder setUserAgent(@Nullable String userAgent);

    public abstract Builder setSessionId(long sessionId);

    public abstract Builder setItemInSession(int itemInSession);

    public abstract Builder setPage(String page);

    public abstract Builder setAuth(@Nullable String auth);

    public abstract Builder setMethod(@Nullable String method);

    public abstract Builder setStatus(@Nullable Integer status);

    public abstract Builder setSong(@Nullable String song);

    public abstract Builder setArtist(@Nullable String artist);

    public abstract Builder setLength(@Nullable BigDecimal length);

    public abstract Builder setRegisteredAt(@Nullable Instant registeredAt);

    public abstract SongplayEvent build();
  }

  @Override
  public String toString() {
    return getEventId() + " " + getPage() + " user " + getUserId() + " at " + getTs();
  }
}
