package etl.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.testing.TestHttpServer;
import etl.pipelines.testing.TestS3Server;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The extract command against a FRED-like HTTP server and the in-process S3 server, on 127.0.0.1.
 */
public class ExtractCommandTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  @ClassRule public static final TestS3Server S3 = new TestS3Server();

  /** What FRED's fredgraph.csv sends today (observation_date header since 2024). */
  private static final String FRED_CSV =
      "observation_date,CUSR0000SS62031\n"
          + "1999-01-01,102.700\n"
          + "1999-02-01,103.700\n"
          + "1999-03-01,.\n"
          + "1999-04-01,104.100\n";

  @ClassRule public static final TestHttpServer FRED = new TestHttpServer();

  @BeforeClass
  public static void serveFred() {
    FRED.serve(
            "/graph/fredgraph.csv",
            query ->
                "id=CUSR0000SS62031".equals(query)
                    ? new TestHttpServer.Response(200, FRED_CSV)
                    : new TestHttpServer.Response(404, "<html>Series not found</html>"))
        .serve(
            "/html",
            query -> new TestHttpServer.Response(200, "<!DOCTYPE html><html>maintenance</html>"));
  }

  private static String fredUrl() {
    return FRED.url("/graph/fredgraph.csv?id={series}");
  }

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  @Test
  public void theCpiSeriesIsDownloadedAsTheFileTheMovalyticsLoadReads() throws IOException {
    Path dir = TMP.newFolder().toPath();

    Cli.Run r = run("extract", "cpi", "--output=" + dir, "--url=" + fredUrl());

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK.code());
    assertThat(FRED.queries()).last().isEqualTo("id=CUSR0000SS62031");
    // The header the load expects; FRED's "." for a missing month kept (the load dead-letters it).
    assertThat(Files.readString(dir.resolve("consumer_price_index.csv")))
        .isEqualTo(
            "DATE,CUSR0000SS62031\n"
                + "1999-01-01,102.700\n"
                + "1999-02-01,103.700\n"
                + "1999-03-01,.\n"
                + "1999-04-01,104.100\n");
    assertThat(r.out()).contains("4 months of CUSR0000SS62031, 1999-01 to 1999-04");
  }

  @Test
  public void theCpiSeriesCanGoStraightToS3() {
    S3.createBucket("landing");
    List<String> args =
        new ArrayList<>(
            List.of("extract", "cpi", "--output=s3://landing/movalytics", "--url=" + fredUrl()));
    args.addAll(List.of(S3.beamOptions()));

    Cli.Run r = run(args.toArray(new String[0]));

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK.code());
    assertThat(
            new String(
                S3.read("landing", "movalytics/consumer_price_index.csv"), StandardCharsets.UTF_8))
        .startsWith("DATE,CUSR0000SS62031\n1999-01-01,102.700\n");
  }

  @Test
  public void anUnknownSeriesAWrongPageAndAnUnreachableServerFailInOneLine() throws IOException {
    Path dir = TMP.newFolder().toPath();
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }

    Cli.Run unknown =
        run("extract", "cpi", "--output=" + dir, "--url=" + fredUrl(), "--series=NOPE");
    Cli.Run html = run("extract", "cpi", "--output=" + dir, "--url=" + FRED.url("/html"));
    Cli.Run unreachable =
        run(
            "extract",
            "cpi",
            "--output=" + dir,
            "--url=http://127.0.0.1:" + closed + "/x",
            "--timeoutSeconds=5");
    Cli.Run badUrl = run("extract", "cpi", "--output=" + dir, "--url=ftp:/nowhere");

    for (Cli.Run r : List.of(unknown, html, unreachable, badUrl)) {
      assertThat(r.code()).isEqualTo(ExitCode.CONFIG_ERROR.code());
      assertThat(r.err().strip().lines()).hasSize(1);
      assertThat(r.err()).startsWith("error: ");
    }
    assertThat(unknown.err()).contains("answered HTTP 404");
    assertThat(html.err())
        .contains("did not send the CSV of series CUSR0000SS62031")
        .contains("<!DOCTYPE html>");
    assertThat(unreachable.err()).contains("Cannot download http://127.0.0.1:" + closed);
    assertThat(badUrl.err()).contains("--url is not a usable URL");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("nothing written").isEmpty();
    }
  }

  @Test
  public void inputFilesAreCopiedToS3WithTheirRelativePathsAndBytes() throws IOException {
    Path from = TMP.newFolder().toPath();
    Files.createDirectories(from.resolve("log_data/2018/11"));
    Files.writeString(from.resolve("log_data/2018/11/2018-11-01-events.json"), "{\"ts\":1}\n");
    Files.write(from.resolve("song.bin"), new byte[] {0, (byte) 0xFF, 10, 13});
    S3.createBucket("raw");
    List<String> args =
        new ArrayList<>(List.of("extract", "copy", "--from=" + from, "--to=s3://raw/sparkify/"));
    args.addAll(List.of(S3.beamOptions()));

    Cli.Run r = run(args.toArray(new String[0]));

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK.code());
    assertThat(S3.keys("raw"))
        .containsExactly("sparkify/log_data/2018/11/2018-11-01-events.json", "sparkify/song.bin");
    assertThat(S3.read("raw", "sparkify/song.bin")).containsExactly(0, (byte) 0xFF, 10, 13);
    assertThat(r.out()).contains("Copied 2 files (13 bytes)");
  }
}
