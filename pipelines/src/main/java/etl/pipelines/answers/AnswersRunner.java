package etl.pipelines.answers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import etl.pipelines.core.Answer;
import etl.pipelines.core.AnswerOptions;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Runs a warehouse's answer queries: prints each as a table under its question and what it covers,
 * and, given a folder, writes {@code <name>.csv} and {@code <name>.json} (the JSON holds the
 * question, the coverage and the rows).
 */
public final class AnswersRunner {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AnswersRunner() {}

  /** One answered question. */
  public record Result(
      Answer answer, Map<String, Object> coverage, List<Map<String, Object>> rows) {}

  public static List<Result> run(
      Warehouse warehouse,
      String area,
      List<Answer> answers,
      Map<String, ?> params,
      AnswerOptions options,
      PrintStream out)
      throws SQLException, IOException {
    List<Result> results = query(warehouse, area, answers, params);
    Path dir = options.getAnswersDir() == null ? null : Path.of(options.getAnswersDir());
    if (dir != null) {
      Files.createDirectories(dir);
    }
    for (Result r : results) {
      print(r, options.getPrintRows(), out);
      if (dir != null) {
        write(r, dir);
      }
    }
    if (dir != null) {
      out.println("Answers written to " + dir.toAbsolutePath() + " (CSV and JSON per answer)");
    }
    return results;
  }

  /** Every answer's rows and coverage. */
  public static List<Result> query(
      Warehouse warehouse, String area, List<Answer> answers, Map<String, ?> params)
      throws SQLException {
    List<Result> results = new ArrayList<>();
    try (Connection c = warehouse.connect()) {
      for (Answer a : answers) {
        List<Map<String, Object>> coverage =
            SqlRunner.queryAll(c, warehouse.dialect().script(area, a.coverage()), params);
        List<Map<String, Object>> rows =
            SqlRunner.queryAll(c, warehouse.dialect().script(area, a.sql()), params);
        results.add(new Result(a, coverage.isEmpty() ? Map.of() : coverage.get(0), rows));
      }
    }
    return results;
  }

  private static void print(Result r, int maxRows, PrintStream out) {
    out.println();
    out.println(r.answer().question());
    StringBuilder covers = new StringBuilder("  covers:");
    r.coverage().forEach((k, v) -> covers.append(' ').append(k).append('=').append(v));
    out.println(covers);
    if (r.rows().isEmpty()) {
      out.println("  (no rows)");
      return;
    }
    List<String> cols = new ArrayList<>(r.rows().get(0).keySet());
    List<List<String>> cells = new ArrayList<>();
    for (Map<String, Object> row : r.rows().subList(0, Math.min(maxRows, r.rows().size()))) {
      List<String> line = new ArrayList<>();
      cols.forEach(col -> line.add(String.valueOf(row.get(col))));
      cells.add(line);
    }
    int[] width = new int[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      width[i] = Math.min(40, cols.get(i).length());
      for (List<String> line : cells) {
        width[i] = Math.min(40, Math.max(width[i], line.get(i).length()));
      }
    }
    out.println("  " + format(cols, width));
    for (List<String> line : cells) {
      out.println("  " + format(line, width));
    }
    if (r.rows().size() > maxRows) {
      out.printf(Locale.ROOT, "  … %d rows in all%n", r.rows().size());
    }
  }

  private static String format(List<String> values, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v.length() > width[i]) {
        v = v.substring(0, width[i] - 1) + "…";
      }
      sb.append(String.format(Locale.ROOT, "%-" + width[i] + "s", v));
      if (i < values.size() - 1) {
        sb.append("  ");
      }
    }
    return sb.toString().stripTrailing();
  }

  private static void write(Result r, Path dir) throws IOException {
    List<String> cols = r.rows().isEmpty() ? List.of() : new ArrayList<>(r.rows().get(0).keySet());
    try (Writer w =
            Files.newBufferedWriter(
                dir.resolve(r.answer().name() + ".csv"), StandardCharsets.UTF_8);
        CSVPrinter csv =
            new CSVPrinter(
                w, CSVFormat.DEFAULT.builder().setHeader(cols.toArray(new String[0])).get())) {
      for (Map<String, Object> row : r.rows()) {
        csv.printRecord(row.values());
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("question", r.answer().question());
    json.put("covers", r.coverage());
    json.put("rows", r.rows());
    JSON.writeValue(dir.resolve(r.answer().name() + ".json").toFile(), json);
  }
}
