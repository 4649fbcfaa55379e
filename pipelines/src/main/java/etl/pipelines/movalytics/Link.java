package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import etl.transforms.record.Origin;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One line of links.csv: a MovieLens id and its IMDb and TMDB ids (the TMDB id may be missing). */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class Link extends ValueObject implements Origin {
  public final String source;
  public final long line;
  public final long movielensId;
  public final @Nullable String imdbId;
  public final @Nullable Long tmdbId;

  @SchemaCreate
  public Link(
      String source, long line, long movielensId, @Nullable String imdbId, @Nullable Long tmdbId) {
    this.source = source;
    this.line = line;
    this.movielensId = movielensId;
    this.imdbId = imdbId;
    this.tmdbId = tmdbId;
  }

  @Override
  public String originSource() {
    return source;
  }

  @Override
  public long originPosition() {
    return line;
  }
}
