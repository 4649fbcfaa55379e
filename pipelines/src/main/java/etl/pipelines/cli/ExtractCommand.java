package etl.pipelines.cli;

import etl.pipelines.core.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.util.MimeTypes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The first step of a scheduled run: fetch what comes from the origin. {@code extract cpi}
 * downloads a FRED series as the CSV the Movalytics load reads; {@code extract copy} copies input
 * files to S3. Targets are local folders or {@code s3://} prefixes; AWS options ({@code
 * --awsRegion}, {@code --endpoint}, …) pass through as for a load.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Fetch inputs from their origin: the CPI series from FRED, input files to S3.",
    subcommands = {ExtractCommand.Cpi.class, ExtractCommand.Copy.class})
public final class ExtractCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "extract needs a subcommand: cpi or copy");
  }

  /** A bad URL, an unreachable server, a target that cannot be written: one line, exit 2. */
  static final class ExtractException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExtractException(String message) {
      super(message);
    }
  }

  abstract static class Base extends PrintingCommand {
    @Unmatched List<String> beamOptions = new ArrayList<>();

    abstract int extract() throws IOException;

    @Override
    public Integer call() {
      try {
        PipelineOptionsFactory.register(S3Options.class);
        FileSystems.setDefaultPipelineOptions(
            PipelineOptionsFactory.fromArgs(beamOptions.toArray(new String[0]))
                .withValidation()
                .as(S3Options.class));
        return extract();
      } catch (IllegalArgumentException | ExtractException e) {
        err.println("error: " + e.getMessage());
        return ExitCode.CONFIG_ERROR.code();
      } catch (IOException | RuntimeException e) {
        err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return ExitCode.FAILED.code();
      }
    }
  }

  @Command(
      name = "cpi",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
        "Download a FRED series (default: CPI for admission to movies, theaters and concerts) as",
        "<output>/consumer_price_index.csv, header DATE,<series>, the file the Movalytics load"
            + " reads."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  warehouse-etl extract cpi --output=data/movalytics",
        "  warehouse-etl extract cpi --output=s3://bucket/landing/movalytics --awsRegion=us-east-1",
        ""
      })
  static final class Cpi extends Base {
    private static final Pattern ROW =
        Pattern.compile("\\d{4}-\\d{2}-\\d{2},([0-9]+(\\.[0-9]+)?|\\.)");

    @Option(
        names = "--output",
        required = true,
        description = "Folder or s3:// prefix to write into.")
    String output;

    @Option(
        names = "--series",
        defaultValue = "CUSR0000SS62031",
        description = "FRED series id (default: ${DEFAULT-VALUE}).")
    String series;

    @Option(
        names = "--url",
        defaultValue = "https://fred.stlouisfed.org/graph/fredgraph.csv?id={series}",
        description =
            "Download URL; {series} is replaced by the series id (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(
        names = "--timeoutSeconds",
        defaultValue = "60",
        description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    int extract() throws IOException {
      URI uri = uri();
      List<String> rows = observations(uri, download(uri));
      StringBuilder csv = new StringBuilder("DATE,").append(series).append('\n');
      rows.forEach(r -> csv.append(r).append('\n'));
      String target = join(output, "consumer_price_index.csv");
      write(target, csv.toString().getBytes(StandardCharsets.UTF_8));
      out.printf(
          Locale.ROOT,
          "Wrote %s: %d months of %s, %s to %s%n",
          target,
          rows.size(),
          series,
          rows.get(0).substring(0, 7),
          rows.get(rows.size() - 1).substring(0, 7));
      return ExitCode.OK.code();
    }

    /** {@code --url} with the series filled in; only http(s). */
    private URI uri() {
      try {
        URI uri = URI.create(url.replace("{series}", series));
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
          throw new IllegalArgumentException("not an http(s) URL");
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw new ExtractException(
            "--url is not a usable URL: " + url + " (" + e.getMessage() + ")");
      }
    }

    /** The response body; anything but HTTP 200 is an error. */
    private String download(URI uri) {
      HttpResponse<String> response;
      try {
        HttpClient client =
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(timeoutSeconds))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        response =
            client.send(
                HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ExtractException(
            "Cannot download "
                + uri
                + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ExtractException("Interrupted while downloading " + uri);
      }
      if (response.statusCode() != 200) {
        throw new ExtractException(uri + " answered HTTP " + response.statusCode());
      }
      return response.body();
    }

    /** The body's data rows, after checking the header names the series and every row parses. */
    private List<String> observations(URI uri, String body) {
      List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      // FRED's header names the date column DATE (older) or observation_date (since 2024).
      if (lines.isEmpty()
          || !lines.get(0).matches("(?i)(DATE|observation_date)," + Pattern.quote(series))) {
        throw new ExtractException(
            uri
                + " did not send the CSV of series "
                + series
                + " (first line: "
                + (lines.isEmpty() ? "nothing" : abbreviate(lines.get(0)))
                + ")");
      }
      List<String> rows = lines.subList(1, lines.size());
      for (String row : rows) {
        if (!ROW.matcher(row).matches()) {
          throw new ExtractException(
              uri + " sent a line that is not a month and a value: " + abbreviate(row));
        }
      }
      if (rows.isEmpty()) {
        throw new ExtractException(uri + " sent no observations of " + series);
      }
      return rows;
    }

    private static String abbreviate(String s) {
      return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
  }

  @Command(
      name = "copy",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Copy every file under a local folder to an s3:// prefix (or another folder), keeping"
              + " relative paths.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  warehouse-etl extract copy --from=kaggle --to=s3://bucket/landing/movalytics"
            + " --awsRegion=us-east-1",
        ""
      })
  static final class Copy extends Base {
    @Option(names = "--from", required = true, description = "Local folder.")
    Path from;

    @Option(names = "--to", required = true, description = "s3://bucket/prefix or a folder.")
    String to;

    @Override
    int extract() throws IOException {
      if (!Files.isDirectory(from)) {
        throw new ExtractException("--from is not a folder: " + from.toAbsolutePath());
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(from)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      long bytes = 0;
      for (Path file : files) {
        String relative = from.relativize(file).toString().replace('\\', '/');
        try (InputStream in = Files.newInputStream(file)) {
          bytes += write(join(to, relative), in);
        }
      }
      out.printf(
          Locale.ROOT,
          "Copied %d files (%,d bytes) from %s to %s%n",
          files.size(),
          bytes,
          from,
          to);
      return ExitCode.OK.code();
    }
  }

  static String join(String prefix, String relative) {
    return (prefix.endsWith("/") ? prefix : prefix + "/") + relative;
  }

  private static void write(String target, byte[] bytes) throws IOException {
    write(target, new java.io.ByteArrayInputStream(bytes));
  }

  /** Writes through Beam's file systems (local or s3://); returns the bytes written. */
  private static long write(String target, InputStream in) throws IOException {
    ResourceId id;
    try {
      id = FileSystems.matchNewResource(target, false);
    } catch (IllegalArgumentException e) {
      throw new ExtractException("Cannot write to " + target + ": " + e.getMessage());
    }
    if (!target.contains("://")) {
      Files.createDirectories(Path.of(target).toAbsolutePath().getParent());
    }
    try (OutputStream o = Channels.newOutputStream(FileSystems.create(id, MimeTypes.BINARY))) {
      return in.transferTo(o);
    } catch (IOException | RuntimeException e) {
      throw new ExtractException("Cannot write " + target + ": " + Errors.rootMessage(e));
    }
  }
}
