package etl.pipelines.movalytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

public class AdjustRevenueForCpiTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final Instant JULY_2017 = Instant.parse("2017-07-01T00:00:00Z");

  private static MovieRecord movie(long id, Long revenue, String releaseDate) {
    return MovieRecord.builder()
        .setSource("movies_metadata.csv")
        .setLine(id + 1)
        .setMovieId(id)
        .setTitle("Movie " + id)
        .setRevenue(revenue)
        .setReleaseDate(releaseDate == null ? null : Instant.parse(releaseDate + "T00:00:00Z"))
        .setGenres(List.of(Genre.create(18, "Drama")))
        .build();
  }

  private static MovieRecord adjusted(MovieRecord m, String revenue, Instant baseMonth) {
    return m.toBuilder()
        .setRevenueCpiAdjusted(revenue == null ? null : new BigDecimal(revenue))
        .setCpiBaseMonth(baseMonth)
        .build();
  }

  /** The CPI series as the pipeline hands it over: "YYYY-MM" → index. */
  private PCollectionView<Map<String, BigDecimal>> cpi(String... monthsAndValues) {
    List<KV<String, BigDecimal>> series = new ArrayList<>();
    for (int i = 0; i < monthsAndValues.length; i += 2) {
      series.add(KV.of(monthsAndValues[i], new BigDecimal(monthsAndValues[i + 1])));
    }
    return p.apply("Cpi", Create.of(series)).apply("CpiView", View.asMap());
  }

  private PCollection<MovieRecord> movies(MovieRecord... movies) {
    return p.apply(
        "Movies", Create.of(List.of(movies)).withType(TypeDescriptor.of(MovieRecord.class)));
  }

  @Test
  public void adjustsKnownMonthsAndKeepsNullWhereTheMonthRevenueOrDateIsMissing() {
    MovieRecord known = movie(862, 1_000L, "1995-10-30");
    MovieRecord outsideSeries = movie(11, 1_000L, "1977-05-25");
    MovieRecord noDate = movie(12, 1_000L, null);
    MovieRecord noRevenue = movie(13, null, "1995-10-30");

    PCollection<MovieRecord> out =
        movies(known, outsideSeries, noDate, noRevenue)
            .apply(
                new AdjustRevenueForCpi(
                    cpi("1995-10", "300.000", "2017-07", "250.000", "2019-01", "260.000"),
                    "2017-07"));

    // 1000 × 250 / 300 = 833.333… → rounded half up to cents; the base month is the one given,
    // not the series' latest (2019-01).
    PAssert.that(out)
        .containsInAnyOrder(
            adjusted(known, "833.33", JULY_2017),
            adjusted(outsideSeries, null, JULY_2017),
            adjusted(noDate, null, JULY_2017),
            adjusted(noRevenue, null, JULY_2017));
    PipelineResult result = p.run();

    assertThat(counter(result, "adjusted")).isEqualTo(1);
    assertThat(counter(result, "outside_cpi")).isEqualTo(1);
    assertThat(counter(result, "no_revenue_or_date")).isEqualTo(2);
  }

  @Test
  public void takesTheLatestMonthOfTheSeriesAsBaseWhenNoneIsGiven() {
    MovieRecord known = movie(862, 1_000L, "1995-10-30");

    PCollection<MovieRecord> out =
        movies(known)
            .apply(
                new AdjustRevenueForCpi(
                    cpi("2017-07", "250.000", "1995-10", "200.000", "2019-01", "300.000"), null));

    PAssert.that(out)
        .containsInAnyOrder(adjusted(known, "1500.00", Instant.parse("2019-01-01T00:00:00Z")));
    p.run();
  }

  @Test
  public void failsTheRunWhenTheBaseMonthIsNotInTheSeries() {
    movies(movie(862, 1_000L, "1995-10-30"))
        .apply(new AdjustRevenueForCpi(cpi("1995-10", "300.000"), "2020-01"));

    assertThatThrownBy(() -> p.run())
        .hasMessageContaining("The CPI base month 2020-01 is not in the CPI series (1 months)");
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named("AdjustRevenueForCpi", name))
                    .build())
            .getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
