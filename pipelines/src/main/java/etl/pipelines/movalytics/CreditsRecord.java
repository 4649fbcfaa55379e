package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import etl.transforms.record.Origin;
import java.util.List;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** One record of credits.csv: a movie's cast and crew. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class CreditsRecord extends ValueObject implements Origin {
  public final String source;
  public final long line;
  public final long movieId;
  public final List<CastCredit> cast;
  public final List<CrewCredit> crew;

  @SchemaCreate
  public CreditsRecord(
      String source, long line, long movieId, List<CastCredit> cast, List<CrewCredit> crew) {
    this.source = source;
    this.line = line;
    this.movieId = movieId;
    this.cast = cast;
    this.crew = crew;
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
