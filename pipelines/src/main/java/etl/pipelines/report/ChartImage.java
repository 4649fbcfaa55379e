package etl.pipelines.report;

import etl.pipelines.answers.AnswersRunner;
import etl.pipelines.core.Chart;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** An answer's bar chart, drawn by XChart as a PNG for {@link HtmlReport} to embed. */
final class ChartImage {
  private static final Color[] SERIES_COLORS = {
    new Color(0x2f6690), new Color(0xd1495b), new Color(0x3a7d44)
  };

  private ChartImage() {}

  /** The chart as PNG: the first {@code maxBars} rows, one bar series per column. */
  static byte[] png(Chart chart, AnswersRunner.Result r) throws IOException {
    List<Map<String, Object>> rows =
        r.rows().subList(0, Math.min(chart.maxBars(), r.rows().size()));
    CategoryChart c =
        new CategoryChartBuilder()
            .width(1000)
            .height(460)
            .title(r.answer().question())
            .xAxisTitle(chart.x().replace('_', ' '))
            .yAxisTitle(chart.valueLabel())
            .build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendVisible(chart.series().size() > 1);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotGridVerticalLinesVisible(false);
    c.getStyler().setSeriesColors(SERIES_COLORS);
    c.getStyler().setYAxisDecimalPattern("#,###.##");
    c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    boolean longLabels =
        rows.stream().anyMatch(row -> HtmlReport.str(row.get(chart.x())).length() > 8);
    c.getStyler().setXAxisLabelRotation(longLabels ? 35 : 0);
    c.getStyler().setOverlapped(false);
    List<String> labels = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      String label = HtmlReport.str(row.get(chart.x()));
      labels.add(label.length() > 40 ? label.substring(0, 39) + "…" : label);
    }
    for (String column : chart.series()) {
      List<Number> values = new ArrayList<>();
      for (Map<String, Object> row : rows) {
        Object v = row.get(column);
        values.add(v instanceof Number n ? n.doubleValue() : 0.0);
      }
      c.addSeries(column.replace('_', ' '), labels, values);
    }
    return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
  }
}
