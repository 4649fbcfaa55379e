package etl.pipelines.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import etl.pipelines.testing.TestFiles;
import etl.pipelines.testing.TestHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The scheduling recipe (runner-configs/schedule/daily-load.sh) run as cron would run it, with the
 * packaged jar: CPI from a FRED-like server on 127.0.0.1, both loads into a kept embedded
 * warehouse, the summary JSON and reports; the next day's run loads only the new log.
 */
public class DailyLoadScriptIT {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final Path SCRIPT =
      Path.of("..", "runner-configs", "schedule", "daily-load.sh").toAbsolutePath().normalize();
  private static final Path JAR = Path.of("target", "warehouse-etl.jar").toAbsolutePath();
  @ClassRule public static final TestHttpServer FRED = new TestHttpServer();

  @BeforeClass
  public static void serveFred() throws IOException {
    String samples = Files.readString(Path.of("samples", "movalytics", "consumer_price_index.csv"));
    String fredCsv = samples.replaceFirst("^DATE,", "observation_date,");
    FRED.serve("/graph/fredgraph.csv", query -> new TestHttpServer.Response(200, fredCsv));
  }

  @Test
  public void aDailyRunLoadsBothWarehousesThenOnlyWhatIsNewAndLeavesSummariesAndReports()
      throws Exception {
    Path input = TMP.newFolder("landing").toPath();
    Path state = TMP.newFolder("state").toPath();
    TestFiles.copyTree(Path.of("samples", "sparkify"), input.resolve("sparkify"));
    TestFiles.copyTree(Path.of("samples", "movalytics"), input.resolve("movalytics"));
    Files.delete(input.resolve("movalytics/consumer_price_index.csv")); // extract fetches it

    Result day1 = runScript(input, state);

    assertThat(day1.code()).as(day1.output()).isZero();
    assertThat(Files.readString(input.resolve("movalytics/consumer_price_index.csv")))
        .startsWith("DATE,CUSR0000SS62031\n");
    JsonNode sparkify = summary(state, "sparkify");
    assertThat(sparkify.get("status").asText()).isEqualTo("succeeded");
    assertThat(sparkify.get("files").get(1).get("read").asInt()).isEqualTo(2);
    assertThat(summary(state, "movalytics").get("exit_code").asInt()).isZero();
    assertThat(state.resolve("reports/sparkify-report.html")).exists();
    assertThat(state.resolve("reports/movalytics-report.html")).exists();

    // The next day: one new event log.
    Path newDay = input.resolve("sparkify/log_data/2018/11/2018-11-03-events.json");
    // (Bytes kept as they are: the sample log holds a deliberately invalid UTF-8 line.)
    String day2 =
        new String(
            Files.readAllBytes(input.resolve("sparkify/log_data/2018/11/2018-11-02-events.json")),
            StandardCharsets.ISO_8859_1);
    Files.write(
        newDay,
        day2.replace("\"ts\": 15411", "\"ts\": 15412").getBytes(StandardCharsets.ISO_8859_1));
    Result nextRun = runScript(input, state);

    assertThat(nextRun.code()).as(nextRun.output()).isZero();
    JsonNode next = summary(state, "sparkify");
    assertThat(next.get("files").get(1).get("listed").asInt()).isEqualTo(3);
    assertThat(next.get("files").get(1).get("read").asInt()).isEqualTo(1);
    assertThat(next.get("files").get(0).get("read").asInt()).isZero();
    assertThat(nextRun.output()).contains("daily load finished with exit code 0");
  }

  @Test
  public void aFailingStepMakesTheScriptExitWithItsCode() throws Exception {
    Path input = TMP.newFolder("empty-landing").toPath();
    Files.createDirectories(input.resolve("sparkify"));
    Files.createDirectories(input.resolve("movalytics"));

    Result r = runScript(input, TMP.newFolder("state2").toPath());

    // No song files: a configuration mistake, exit 2, which is what cron mails and Airflow fails
    // on.
    assertThat(r.code()).as(r.output()).isEqualTo(2);
    assertThat(r.output())
        .contains("error: No song files found at")
        .contains("daily load finished with exit code 2");
  }

  private record Result(int code, String output) {}

  private static Result runScript(Path input, Path state) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
    pb.environment().put("JAR", JAR.toString());
    pb.environment().put("INPUT", input.toString());
    pb.environment().put("STATE", state.toString());
    pb.environment().put("CPI_URL", FRED.url("/graph/fredgraph.csv?id={series}"));
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), output);
  }

  private static JsonNode summary(Path state, String warehouse) throws IOException {
    return new ObjectMapper().readTree(state.resolve("summary-" + warehouse + ".json").toFile());
  }
}
