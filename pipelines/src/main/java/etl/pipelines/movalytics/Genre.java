package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** A genre as listed in a movie's {@code genres} cell. */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class Genre {
  public abstract long getGenreId();

  public abstract String getName();

  public static Genre create(long genreId, String name) {
    return new AutoValue_Genre(genreId, name);
  }
}
