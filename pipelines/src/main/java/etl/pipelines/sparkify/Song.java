package etl.pipelines.sparkify;

import etl.transforms.io.ValueObject;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One song file, typed: a row of {@code s_song} (the Beam schema field names are its columns).
 * {@code source} is the file's URI, kept for lineage and to break ties deterministically.
 */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class Song extends ValueObject {
  public final String source;
  public final String songId;
  public final String title;
  public final String artistId;
  public final String artistName;
  public final @Nullable String artistLocation;
  public final @Nullable BigDecimal artistLatitude;
  public final @Nullable BigDecimal artistLongitude;
  public final @Nullable Integer year;
  public final BigDecimal duration;
  public final @Nullable Integer numSongs;

  @SchemaCreate
  public Song(
      String source,
      String songId,
      String title,
      String artistId,
      String artistName,
      @Nullable String artistLocation,
      @Nullable BigDecimal artistLatitude,
      @Nullable BigDecimal artistLongitude,
      @Nullable Integer year,
      BigDecimal duration,
      @Nullable Integer numSongs) {
    this.source = source;
    this.songId = songId;
    this.title = title;
    this.artistId = artistId;
    this.artistName = artistName;
    this.artistLocation = artistLocation;
    this.artistLatitude = artistLatitude;
    this.artistLongitude = artistLongitude;
    this.year = year;
    this.duration = duration;
    this.numSongs = numSongs;
  }

  @Override
  public String toString() {
    return songId + " " + title + " by " + artistName + " (" + artistId + ")";
  }
}
