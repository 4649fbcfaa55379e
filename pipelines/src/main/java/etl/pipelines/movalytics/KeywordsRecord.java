package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import etl.transforms.record.Origin;
import java.util.List;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/** One record of keywords.csv: a movie's keywords. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class KeywordsRecord extends ValueObject implements Origin {
  public final String source;
  public final long line;
  public final long movieId;
  public final List<MovieKeyword> keywords;

  @SchemaCreate
  public KeywordsRecord(String source, long line, long movieId, List<MovieKeyword> keywords) {
    this.source = source;
    this.line = line;
    this.movieId = movieId;
    this.keywords = keywords;
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
