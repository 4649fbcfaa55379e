package etl.pipelines.movalytics;

import etl.transforms.io.ValueObject;
import etl.transforms.record.Origin;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.joda.time.Instant;

/** One month of the FRED CPI series; a row of {@code s_cpi}. */
@DefaultSchema(JavaFieldSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public final class CpiMonth extends ValueObject implements Origin {
  public final String source;
  public final long line;
  public final Instant monthStart;
  public final BigDecimal cpi;

  @SchemaCreate
  public CpiMonth(String source, long line, Instant monthStart, BigDecimal cpi) {
    this.source = source;
    this.line = line;
    this.monthStart = monthStart;
    this.cpi = cpi;
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
