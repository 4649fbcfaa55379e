package etl.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import etl.pipelines.cli.Cli;
import etl.pipelines.testing.TestWarehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Behaviour is pinned across restructuring: each warehouse, loaded from the shipped samples and
 * from generated data with injected defects, on the Direct runner and on Spark in local mode, must
 * give exactly the final tables (row count and content hash), dead letters (step, reason, file,
 * position) and accounting recorded in {@code src/test/resources/golden/}. Those files were written
 * by this test against the code before the redesign; {@code -Dgolden.update=true} rewrites them
 * (only ever on purpose, with the reason in the commit).
 */
public class GoldenHashTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String[] SPARK = {"--runner=SparkRunner", "--sparkMaster=local[2]"};
  private static Path generatedSparkify;
  private static Path generatedMovalytics;

  @BeforeClass
  public static void generateDataWithDefects() throws IOException {
    generatedSparkify = TMP.newFolder("sparkify").toPath();
    generatedMovalytics = TMP.newFolder("movalytics").toPath();
    generate("sparkify", generatedSparkify, "0.02");
    generate("movalytics", generatedMovalytics, "0.002");
  }

  private static void generate(String warehouse, Path dir, String scale) {
    Cli.Run generated =
        Cli.run(
            "generate",
            warehouse,
            "--output=" + dir,
            "--scaleFactor=" + scale,
            "--seed=7",
            "--defectRate=0.02");
    assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
  }

  @Test
  public void sparkifySamplesGiveTheGoldenTablesOnDirectAndSpark() throws Exception {
    assertGolden("sparkify-samples", "sparkify", Path.of("samples", "sparkify").toAbsolutePath());
  }

  @Test
  public void movalyticsSamplesGiveTheGoldenTablesOnDirectAndSpark() throws Exception {
    assertGolden(
        "movalytics-samples", "movalytics", Path.of("samples", "movalytics").toAbsolutePath());
  }

  @Test
  public void generatedSparkifyWithDefectsGivesTheGoldenTablesOnDirectAndSpark() throws Exception {
    assertGolden("sparkify-generated", "sparkify", generatedSparkify);
  }

  @Test
  public void generatedMovalyticsWithDefectsGivesTheGoldenTablesOnDirectAndSpark()
      throws Exception {
    assertGolden("movalytics-generated", "movalytics", generatedMovalytics);
  }

  private static void assertGolden(String name, String warehouse, Path input) throws Exception {
    String direct = load(warehouse, input);
    String spark = load(warehouse, input, SPARK);
    Path file = GOLDEN.resolve(name + ".txt");
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, direct);
    }
    assertThat(direct).as("Direct runner, " + name).isEqualTo(Files.readString(file));
    assertThat(spark).as("Spark local, " + name).isEqualTo(direct);
  }

  /** Loads into an empty warehouse and describes what it holds, independent of paths and times. */
  private static String load(String warehouse, Path input, String... runner) throws Exception {
    DB.execute("drop schema public cascade; create schema public");
    List<String> args =
        new ArrayList<>(
            List.of(
                warehouse, "--input=" + input, "--jdbcUrl=" + DB.jdbcUrl(), "--dbUser=postgres"));
    if (warehouse.equals("movalytics")) {
      args.add("--answersAfterLoad=false");
    }
    args.addAll(List.of(runner));
    Cli.Run run = Cli.run(args.toArray(new String[0]));
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    return describe(warehouse, input.toString());
  }

  private static String describe(String warehouse, String input) throws Exception {
    StringBuilder out = new StringBuilder();
    List<String> tables =
        DB.lines(
            "select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_name not like 's\\_%' and table_name not like 'etl\\_%' "
                + "order by table_name");
    DB.fingerprints(tables)
        .forEach((t, f) -> out.append("table ").append(t).append(' ').append(f).append('\n'));

    String runId = DB.lines("select run_id from etl_run where pipeline = ?", warehouse).get(0);
    Map<String, List<String>> deadLetters = new TreeMap<>();
    for (Map<String, Object> row :
        DB.rows(
            "select step, reason, source, position from etl_dead_letter where run_id = ?", runId)) {
      String source = (String) row.get("source");
      String relative = source.substring(source.indexOf(input) + input.length());
      deadLetters
          .computeIfAbsent(row.get("step") + " " + row.get("reason"), k -> new ArrayList<>())
          .add(relative + "|" + row.get("position"));
    }
    deadLetters.forEach(
        (stepAndReason, where) ->
            out.append("dead_letters ")
                .append(stepAndReason)
                .append(' ')
                .append(where.size())
                .append(' ')
                .append(md5(where.stream().sorted().toList()))
                .append('\n'));

    JsonNode accounting =
        new ObjectMapper()
            .readTree(DB.lines("select accounting from etl_run where run_id = ?", runId).get(0));
    for (JsonNode source : accounting) {
      out.append("accounting ").append(source.get("source").asText());
      for (String field : List.of("read", "loaded", "dead_lettered", "filtered", "balanced")) {
        out.append(' ').append(field).append('=').append(source.get(field));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String md5(List<String> lines) {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    lines.forEach(l -> md5.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(md5.digest());
  }
}
