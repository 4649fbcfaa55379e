package etl.pipelines.movalytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.joda.time.DateTimeZone;
import org.joda.time.Instant;

/**
 * Adds CPI-adjusted revenue to every movie: {@code revenue × CPI(base month) / CPI(release month)},
 * rounded to cents. The CPI series arrives as a side input keyed by "YYYY-MM"; the base month is
 * the one given, or the series' latest.
 *
 * <p>A movie without revenue or release date, or released in a month the series does not cover,
 * keeps a null adjusted revenue and is counted ({@code no_revenue_or_date}, {@code outside_cpi}),
 * so the answers can state their CPI coverage. A base month missing from the series fails the run:
 * every adjusted figure would be meaningless.
 */
public final class AdjustRevenueForCpi
    extends PTransform<PCollection<MovieRecord>, PCollection<MovieRecord>> {
  private final PCollectionView<Map<String, BigDecimal>> cpi;
  private final String baseMonth;

  AdjustRevenueForCpi(PCollectionView<Map<String, BigDecimal>> cpi, String baseMonth) {
    super("AdjustRevenueForCpi");
    this.cpi = cpi;
    this.baseMonth = baseMonth;
  }

  static String month(Instant instant) {
    return instant.toDateTime(DateTimeZone.UTC).toString("yyyy-MM");
  }

  @Override
  public PCollection<MovieRecord> expand(PCollection<MovieRecord> movies) {
    return movies
        .apply("Adjust", ParDo.of(new AdjustFn(cpi, baseMonth, getName())).withSideInputs(cpi))
        .setCoder(movies.getCoder());
  }

  private static final class AdjustFn extends DoFn<MovieRecord, MovieRecord> {
    private final PCollectionView<Map<String, BigDecimal>> cpi;
    private final String baseMonth;
    private final Counter adjusted;
    private final Counter outside;
    private final Counter unknown;

    AdjustFn(PCollectionView<Map<String, BigDecimal>> cpi, String baseMonth, String step) {
      this.cpi = cpi;
      this.baseMonth = baseMonth;
      this.adjusted = Metrics.counter(step, "adjusted");
      this.outside = Metrics.counter(step, "outside_cpi");
      this.unknown = Metrics.counter(step, "no_revenue_or_date");
    }

    // Fixed for the whole batch run: materialized once per DoFn instance, not once per element.
    private transient Map<String, BigDecimal> series;

    @ProcessElement
    public void process(ProcessContext c) {
      MovieRecord m = c.element();
      if (series == null) {
        series = new TreeMap<>(c.sideInput(cpi));
      }
      String base =
          baseMonth != null ? baseMonth : ((TreeMap<String, BigDecimal>) series).lastKey();
      BigDecimal baseCpi = series.get(base);
      if (baseCpi == null) {
        throw new IllegalArgumentException(
            "The CPI base month "
                + base
                + " is not in the CPI series ("
                + series.size()
                + " months)");
      }
      BigDecimal value = null;
      if (m.getRevenue() == null || m.getReleaseDate() == null) {
        unknown.inc();
      } else {
        BigDecimal releaseCpi = series.get(month(m.getReleaseDate()));
        if (releaseCpi == null) {
          outside.inc();
        } else {
          adjusted.inc();
          value =
              BigDecimal.valueOf(m.getRevenue())
                  .multiply(baseCpi)
                  .divide(releaseCpi, 2, RoundingMode.HALF_UP);
        }
      }
      Instant baseStart = Instant.parse(base + "-01T00:00:00Z");
      c.output(m.toBuilder().setRevenueCpiAdjusted(value).setCpiBaseMonth(baseStart).build());
    }
  }
}
