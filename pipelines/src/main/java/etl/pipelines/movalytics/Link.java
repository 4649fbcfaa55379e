package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import etl.transforms.record.Origin;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One line of links.csv: a MovieLens id and its IMDb and TMDB ids (the TMDB id may be missing). */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class Link implements Origin {
  public abstract String getSource();

  public abstract long getLine();

  public abstract long getMovielensId();

  public abstract @Nullable String getImdbId();

  public abstract @Nullable Long getTmdbId();

  public static Link create(
      String source, long line, long movielensId, @Nullable String imdbId, @Nullable Long tmdbId) {
    return new AutoValue_Link(source, line, movielensId, imdbId, tmdbId);
  }
}
