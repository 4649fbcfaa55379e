package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import etl.transforms.record.Origin;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** One record of keywords.csv: a movie's keywords. */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class KeywordsRecord implements Origin {
  public abstract String getSource();

  public abstract long getLine();

  public abstract long getMovieId();

  public abstract List<MovieKeyword> getKeywords();

  public static KeywordsRecord create(
      String source, long line, long movieId, List<MovieKeyword> keywords) {
    return new AutoValue_KeywordsRecord(source, line, movieId, keywords);
  }
}
