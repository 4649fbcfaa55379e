package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import etl.transforms.record.Origin;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** One record of credits.csv: a movie's cast and crew. */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class CreditsRecord implements Origin {
  public abstract String getSource();

  public abstract long getLine();

  public abstract long getMovieId();

  public abstract List<CastCredit> getCast();

  public abstract List<CrewCredit> getCrew();

  public static CreditsRecord create(
      String source, long line, long movieId, List<CastCredit> cast, List<CrewCredit> crew) {
    return new AutoValue_CreditsRecord(source, line, movieId, cast, crew);
  }
}
