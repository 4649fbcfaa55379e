package etl.pipelines.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import etl.pipelines.cli.Cli;
import etl.pipelines.cli.ExitCode;
import etl.pipelines.movalytics.MovalyticsJob;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.TestWarehouse;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The report of each warehouse, from a real load: its charts, tables and run section, and how it
 * looks in a real browser (Debian's headless Chromium, which .ci/run installs).
 */
public class ReportTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Where the browser test leaves its screenshots (the README shows the Movalytics one). */
  private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

  private static Path sparkifyReport;
  private static Path movalyticsReport;

  @BeforeClass
  public static void loadBothWarehousesAndWriteTheirReports() throws IOException {
    Path samples = Path.of("samples").toAbsolutePath();
    assertThat(DB.run(new SparkifyJob(), "--input=" + samples.resolve("sparkify")).exitCode())
        .isEqualTo(ExitCode.OK.code());
    assertThat(
            DB.run(
                    new MovalyticsJob(),
                    "--input=" + samples.resolve("movalytics"),
                    "--minRatings=2",
                    "--minVotes=10")
                .exitCode())
        .isEqualTo(ExitCode.OK.code());
    Path dir = TMP.newFolder("reports").toPath();
    for (String warehouse : List.of("sparkify", "movalytics")) {
      Cli.Run r =
          cli(
              "report",
              warehouse,
              "--output=" + dir,
              "--jdbcUrl=" + DB.jdbcUrl(),
              "--dbUser=postgres",
              "--minRatings=2",
              "--minVotes=10");
      assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK.code());
      assertThat(r.out())
          .contains(
              "Report written to " + dir.resolve(warehouse + "-report.html").toAbsolutePath());
    }
    sparkifyReport = dir.resolve("sparkify-report.html");
    movalyticsReport = dir.resolve("movalytics-report.html");
  }

  @Test
  public void theSparkifyReportChartsEveryAnswerAndShowsItsTableAndTheRun() throws IOException {
    String html = Files.readString(sparkifyReport);

    assertThat(html)
        .contains("<h2>1. Song plays by hour of day (UTC)</h2>")
        .contains("<h2>2. Song plays by weekday (UTC)</h2>")
        .contains("<h2>3. The most played artists</h2>")
        .contains("<h2>4. The most played songs</h2>")
        .contains("<h2>5. Free and paid users by location (top 10 locations)</h2>");
    assertThat(count(html, "<img alt=")).isEqualTo(5);
    assertThat(count(html, "src=\"data:image/png;base64,")).isEqualTo(5);
    // The hour table lists all 24 hours; the samples' 7 plays are what it covers.
    assertThat(count(html, "<tr><td class=\"n\">")).isGreaterThanOrEqualTo(24);
    assertThat(html)
        .contains(
            "Covers: plays 7, users 2, first play 2018-11-01 09:00:00, last play 2018-11-02"
                + " 10:00:00.");
    // The latest run's dead letters and checks.
    assertThat(html)
        .contains("<td>ParseEvents</td><td>invalid_json</td>")
        .contains("Checks: 25 of 25 passed");
    assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  public void theMovalyticsReportChartsBoxOfficeGenresAndTopMoviesWithTheirCoverage()
      throws IOException {
    String html = Files.readString(movalyticsReport);

    assertThat(html)
        .contains("<h2>3a. Box office by release month (nominal and CPI-adjusted)</h2>")
        .contains("<h2>3b. Box office by release quarter (nominal and CPI-adjusted)</h2>")
        .contains(
            "<h2>2. The genres most popular with users (by number of ratings, and by average"
                + " rating)</h2>")
        .contains("<h2>4. The highest-earning genres of all time, CPI-adjusted</h2>")
        .contains(
            "<h2>1. The highest-rated movies of all time (Bayesian weighted rating of user"
                + " ratings)</h2>");
    assertThat(count(html, "<img alt=")).isEqualTo(5);
    assertThat(html)
        .contains("<th>mean revenue cpi adjusted</th>")
        .contains("Checks: 56 of 56 passed");
  }

  @Test
  public void eachChartIsAPictureOfItsData() throws Exception {
    for (Path report : List.of(sparkifyReport, movalyticsReport)) {
      Matcher m =
          Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")
              .matcher(Files.readString(report));
      int charts = 0;
      while (m.find()) {
        charts++;
        BufferedImage png =
            ImageIO.read(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(m.group(1))));
        assertThat(png.getWidth()).isEqualTo(1000);
        assertThat(png.getHeight()).isEqualTo(460);
        // Bars in the first series' colour: the chart drew its data, it is not an empty frame.
        assertThat(pixelsOf(png, 0x2f6690)).as(report + " chart " + charts).isGreaterThan(500);
      }
      assertThat(charts).isEqualTo(5);
    }
  }

  @Test
  public void aChartWithTwoSeriesDrawsBoth() throws Exception {
    // 3a: mean revenue, nominal and CPI-adjusted, by release month (the third chart of Movalytics).
    Matcher m =
        Pattern.compile(
                "<h2>3a\\. [^<]*</h2>\n"
                    + "<img alt=\"[^\"]*\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")
            .matcher(Files.readString(movalyticsReport));
    assertThat(m.find()).isTrue();
    BufferedImage png =
        ImageIO.read(
            new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(m.group(1))));

    assertThat(pixelsOf(png, 0x2f6690)).as("nominal").isGreaterThan(500);
    assertThat(pixelsOf(png, 0xd1495b)).as("CPI-adjusted").isGreaterThan(500);
  }

  private static int pixelsOf(BufferedImage png, int rgb) {
    int n = 0;
    for (int x = 0; x < png.getWidth(); x++) {
      for (int y = 0; y < png.getHeight(); y++) {
        if ((png.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  public void chromiumOpensEachReportWithoutAConsoleMessageAndTakesAScreenshot() throws Exception {
    assumeTrue("Debian's chromium is installed by .ci/run", Files.isExecutable(CHROMIUM));
    Files.createDirectories(SCREENSHOTS);
    for (Path report : List.of(sparkifyReport, movalyticsReport)) {
      Path shot = SCREENSHOTS.resolve(report.getFileName().toString().replace(".html", ".png"));
      String log = screenshot(report, shot);

      assertThat(consoleLines(log)).as(log).isEmpty();
      BufferedImage png = ImageIO.read(shot.toFile());
      assertThat(png.getWidth()).isEqualTo(1200);
      assertThat(distinctColours(png)).as("a rendered page, not a blank one").isGreaterThan(50);
    }
  }

  @Test
  public void theConsoleCheckSeesAPageThatLogsAnError() throws Exception {
    assumeTrue("Debian's chromium is installed by .ci/run", Files.isExecutable(CHROMIUM));
    Path page = TMP.newFile("broken.html").toPath();
    Files.writeString(
        page,
        "<!DOCTYPE html><html><body><img"
            + " src=\"missing.png\"><script>console.error('boom')</script></body></html>");

    String log = screenshot(page, TMP.getRoot().toPath().resolve("broken.png"));

    assertThat(consoleLines(log)).isNotEmpty();
  }

  /** Opens a file in headless Chromium, screenshots it; returns what the browser logged. */
  private static String screenshot(Path page, Path png) throws Exception {
    Path profile = Files.createTempDirectory(TMP.getRoot().toPath(), "chromium");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0",
                "--hide-scrollbars",
                "--window-size=1200,2400",
                "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String log = new String(output, StandardCharsets.UTF_8);
    assertThat(Files.size(png)).as(log).isGreaterThan(1000);
    return log;
  }

  /** Console messages and failed loads: Chromium logs each as a CONSOLE line. */
  private static List<String> consoleLines(String log) {
    return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
  }

  private static int distinctColours(BufferedImage png) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int x = 0; x < png.getWidth(); x += 3) {
      for (int y = 0; y < png.getHeight(); y += 3) {
        colours.add(png.getRGB(x, y));
      }
    }
    return colours.size();
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static Cli.Run cli(String... args) {
    return Cli.run(args);
  }
}
