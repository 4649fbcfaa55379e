package etl.transforms.testing;

import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** A finished pipeline's counters, as the run summary and the accounting read them. */
public final class Counters {
  private Counters() {}

  /** The attempted value of the counter {@code step/name}, summed over every place it counts. */
  public static long attempted(PipelineResult result, String step, String name) {
    long total = 0;
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder().addNameFilter(MetricNameFilter.named(step, name)).build())
            .getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
