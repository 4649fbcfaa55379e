package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** A row of {@code s_movie_keyword}: one keyword of one movie. */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class MovieKeyword {
  public abstract long getMovieId();

  public abstract long getKeywordId();

  public abstract String getKeywordName();

  public static MovieKeyword create(long movieId, long keywordId, String keywordName) {
    return new AutoValue_MovieKeyword(movieId, keywordId, keywordName);
  }
}
