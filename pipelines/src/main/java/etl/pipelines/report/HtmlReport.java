package etl.pipelines.report;

import etl.pipelines.answers.AnswersRunner;
import etl.pipelines.core.Chart;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML file per warehouse: for each chart of the warehouse, the chart (drawn by
 * XChart, embedded as a PNG data URI), what it covers, and its table; at the end the latest run's
 * dead letters by reason and its checks. No script, no external resource: it opens anywhere, also
 * from a mail attachment.
 */
public final class HtmlReport {
  private static final int MAX_TABLE_ROWS = 25;

  private HtmlReport() {}

  /** The latest run: its etl_run row, dead letters by step and reason, and check results. */
  public record LatestRun(
      Map<String, Object> run,
      List<Map<String, Object>> deadLetters,
      List<Map<String, Object>> checks) {}

  private static final String STYLE =
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;"
          + "max-width:1100px;color:#222;padding:0 1rem}\n"
          + "h1{margin-bottom:.2rem}"
          + "h2{margin-top:2.5rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}\n"
          + ".meta,.covers{color:#555;font-size:.92rem}"
          + "img{max-width:100%;height:auto;display:block;margin:1rem 0}\n"
          + "table{border-collapse:collapse;font-size:.88rem;margin:.5rem 0 1rem}"
          + "th,td{border:1px solid #ddd;padding:.25rem .6rem}\n"
          + "th{background:#f4f6f8;text-align:left}"
          + "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
          + ".pass{color:#2e7d32}.fail{color:#c62828;font-weight:bold}nav a{margin-right:1rem}\n";

  public static void write(
      Path file,
      String warehouse,
      List<Chart> charts,
      List<AnswersRunner.Result> results,
      LatestRun latest)
      throws IOException {
    StringBuilder h = new StringBuilder();
    head(h, warehouse);
    intro(h, warehouse, results, latest);
    for (AnswersRunner.Result r : results) {
      answer(h, charts, r);
    }
    latestRun(h, latest);
    h.append("</body>\n</html>\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, h, StandardCharsets.UTF_8);
  }

  private static void head(StringBuilder h, String warehouse) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(title(warehouse)))
        .append(" report</title>\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
  }

  /** The title, when and from which run, and a link to each section. */
  private static void intro(
      StringBuilder h, String warehouse, List<AnswersRunner.Result> results, LatestRun latest) {
    h.append("<h1>").append(esc(title(warehouse))).append("</h1>\n");
    h.append("<p class=\"meta\">Generated ")
        .append(
            esc(
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                    .format(ZonedDateTime.now(ZoneOffset.UTC))));
    if (latest.run() != null) {
      h.append(" from the warehouse after run <code>")
          .append(esc(str(latest.run().get("run_id"))))
          .append("</code> (")
          .append(esc(str(latest.run().get("status"))))
          .append(")");
    }
    h.append(".</p>\n<nav>");
    for (AnswersRunner.Result r : results) {
      h.append("<a href=\"#")
          .append(esc(r.answer().name()))
          .append("\">")
          .append(esc(shortQuestion(r)))
          .append("</a>");
    }
    h.append("<a href=\"#run\">Dead letters and checks</a></nav>\n");
  }

  /** One answer's section: its chart (if it has one and rows), what it covers, its table. */
  private static void answer(StringBuilder h, List<Chart> charts, AnswersRunner.Result r)
      throws IOException {
    Chart chart =
        charts.stream().filter(c -> c.answer().equals(r.answer().name())).findFirst().orElse(null);
    h.append("<section id=\"")
        .append(esc(r.answer().name()))
        .append("\">\n<h2>")
        .append(esc(r.answer().question()))
        .append("</h2>\n");
    if (chart != null && !r.rows().isEmpty()) {
      h.append("<img alt=\"")
          .append(esc(r.answer().question()))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(ChartImage.png(chart, r)))
          .append("\">\n");
    } else if (r.rows().isEmpty()) {
      h.append("<p>No rows: the warehouse holds nothing this answer can use yet.</p>\n");
    }
    h.append("<p class=\"covers\">Covers: ");
    List<String> covers = new ArrayList<>();
    r.coverage().forEach((k, v) -> covers.add(k.replace('_', ' ') + " " + format(v)));
    h.append(esc(String.join(", ", covers))).append(".</p>\n");
    table(h, r.rows());
    h.append("</section>\n");
  }

  /** The last section: the latest run, its dead letters by step and reason, its checks. */
  private static void latestRun(StringBuilder h, LatestRun latest) {
    h.append("<section id=\"run\">\n<h2>The latest run: dead letters and checks</h2>\n");
    if (latest.run() == null) {
      h.append("<p>No run recorded.</p>\n");
    } else {
      Map<String, Object> run = latest.run();
      h.append("<p class=\"meta\">Run <code>")
          .append(esc(str(run.get("run_id"))))
          .append("</code>, ")
          .append(esc(str(run.get("status"))))
          .append(", ")
          .append(esc(str(run.get("started_at"))))
          .append(" to ")
          .append(esc(str(run.get("ended_at"))))
          .append(".")
          .append(run.get("message") == null ? "" : " " + esc(str(run.get("message"))))
          .append("</p>\n<h3>Dead letters by step and reason</h3>\n");
      if (latest.deadLetters().isEmpty()) {
        h.append("<p>None.</p>\n");
      } else {
        table(h, latest.deadLetters());
      }
      checks(h, latest.checks());
    }
    h.append("</section>\n");
  }

  private static void checks(StringBuilder h, List<Map<String, Object>> checks) {
    long failed = checks.stream().filter(c -> !"pass".equals(c.get("status"))).count();
    h.append("<h3>Checks: ")
        .append(checks.size() - failed)
        .append(" of ")
        .append(checks.size())
        .append(" passed</h3>\n")
        .append(
            "<table><tr><th>check</th><th>status</th><th>violations</th><th>sample</th></tr>\n");
    for (Map<String, Object> c : checks) {
      boolean pass = "pass".equals(c.get("status"));
      h.append("<tr><td>")
          .append(esc(str(c.get("check_name"))))
          .append("</td><td class=\"")
          .append(pass ? "pass" : "fail")
          .append("\">")
          .append(esc(str(c.get("status"))))
          .append("</td><td class=\"n\">")
          .append(esc(format(c.get("violations"))))
          .append("</td><td>")
          .append(esc(str(c.get("sample"))))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void table(StringBuilder h, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    h.append("<table><tr>");
    rows.get(0)
        .keySet()
        .forEach(k -> h.append("<th>").append(esc(k.replace('_', ' '))).append("</th>"));
    h.append("</tr>\n");
    for (Map<String, Object> row : rows.subList(0, Math.min(MAX_TABLE_ROWS, rows.size()))) {
      h.append("<tr>");
      row.forEach(
          (column, v) ->
              h.append(v instanceof Number ? "<td class=\"n\">" : "<td>")
                  .append(esc(format(column, v)))
                  .append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</table>\n");
    if (rows.size() > MAX_TABLE_ROWS) {
      h.append("<p class=\"covers\">First ")
          .append(MAX_TABLE_ROWS)
          .append(" of ")
          .append(rows.size())
          .append(" rows (all of them: the answers command with --answersDir).</p>\n");
    }
  }

  /** A cell: counts and amounts with thousands separators; years and ids as they are. */
  static String format(String column, Object v) {
    if (v instanceof Number
        && (column.equals("year") || column.endsWith("_id") || column.endsWith("year"))) {
      return String.valueOf(v);
    }
    return format(v);
  }

  static String format(Object v) {
    if (v == null) {
      return "–";
    }
    if (v instanceof BigDecimal d) {
      return d.scale() <= 0
          ? String.format(Locale.ROOT, "%,d", d.toBigInteger())
          : d.toPlainString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(t.toLocalDateTime());
    }
    if (v instanceof Long || v instanceof Integer) {
      return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
    }
    return String.valueOf(v);
  }

  private static String shortQuestion(AnswersRunner.Result r) {
    String q = r.answer().question();
    int dot = q.indexOf(". ");
    return dot > 0 && dot < 4 ? q.substring(0, dot) : r.answer().name();
  }

  private static String title(String warehouse) {
    return warehouse.substring(0, 1).toUpperCase(Locale.ROOT) + warehouse.substring(1);
  }

  static String str(Object v) {
    return v == null ? "" : String.valueOf(v);
  }

  /** Text for HTML content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
