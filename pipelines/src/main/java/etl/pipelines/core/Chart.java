package etl.pipelines.core;

import java.util.List;

/**
 * How the report draws one answer ({@link Answer#name()}): a bar chart of the {@code series}
 * columns over the {@code x} column, for at most {@code maxBars} rows; the table under it shows
 * every row.
 */
public record Chart(String answer, String x, List<String> series, String valueLabel, int maxBars) {
  public Chart {
    series = List.copyOf(series);
  }

  public static Chart bars(String answer, String x, String valueLabel, String... series) {
    return new Chart(answer, x, List.of(series), valueLabel, 15);
  }
}
