package etl.pipelines.movalytics;

import com.google.auto.value.AutoValue;
import etl.transforms.record.Origin;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.joda.time.Instant;

/** One month of the FRED CPI series; a row of {@code s_cpi}. */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class CpiMonth implements Origin {
  public abstract String getSource();

  public abstract long getLine();

  public abstract Instant getMonthStart();

  public abstract BigDecimal getCpi();

  public static CpiMonth create(String source, long line, Instant monthStart, BigDecimal cpi) {
    return new AutoValue_CpiMonth(source, line, monthStart, cpi);
  }
}
