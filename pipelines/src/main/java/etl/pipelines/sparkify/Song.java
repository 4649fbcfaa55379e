package etl.pipelines.sparkify;

import com.google.auto.value.AutoValue;
import etl.transforms.record.Origin;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One song file, typed: a row of {@code s_song} (the Beam schema field names are its columns).
 * {@code source} is the file's URI, kept for lineage and to break ties deterministically.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class Song implements Origin {
  public abstract String getSource();

  public abstract String getSongId();

  public abstract String getTitle();

  public abstract String getArtistId();

  public abstract String getArtistName();

  public abstract @Nullable String getArtistLocation();

  public abstract @Nullable BigDecimal getArtistLatitude();

  public abstract @Nullable BigDecimal getArtistLongitude();

  public abstract @Nullable Integer getYear();

  public abstract BigDecimal getDuration();

  public abstract @Nullable Integer getNumSongs();

  public static Builder builder() {
    return new AutoValue_Song.Builder();
  }

  /** Builds a {@link Song}; every field not marked nullable must be set. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSource(String source);

    public abstract Builder setSongId(String songId);

    public abstract Builder setTitle(String title);

    public abstract Builder setArtistId(String artistId);

    public abstract Builder setArtistName(String artistName);

    public abstract Builder setArtistLocation(@Nullable String artistLocation);

    public abstract Builder setArtistLatitude(@Nullable BigDecimal artistLatitude);

    public abstract Builder setArtistLongitude(@Nullable BigDecimal artistLongitude);

    public abstract Builder setYear(@Nullable Integer year);

    public abstract Builder setDuration(BigDecimal duration);

    public abstract Builder setNumSongs(@Nullable Integer numSongs);

    public abstract Song build();
  }

  @Override
  public String toString() {
    return getSongId() + " " + getTitle() + " by " + getArtistName() + " (" + getArtistId() + ")";
  }

  /** A song file is one record. */
  @Override
  public long getLine() {
    return 1;
  }
}
