package etl.pipelines.cli;

import etl.pipelines.Warehouses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code generate movalytics|sparkify --output=DIR}: writes input files in the real formats at a
 * scale; prints what it wrote, with the number of each injected defect (the dead letters a load
 * must report).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Write a warehouse's input files in the real formats, at a scale.",
      "SF 1 = full size: 45,466 movies and 26,024,289 ratings; 14,896 song files and 8,056 events.",
      "Deterministic for a seed, with injected defects; prints how many of each the load must"
          + " dead-letter."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  warehouse-etl generate movalytics --output=/tmp/sf01 --scaleFactor=0.1",
      "  warehouse-etl generate sparkify --output=/tmp/sparkify --scaleFactor=1 --defectRate=0",
      ""
    })
public final class GenerateCommand extends PrintingCommand {
  @Parameters(
      index = "0",
      completionCandidates = WarehouseNames.class,
      description = "Warehouse: ${COMPLETION-CANDIDATES}.")
  String warehouse;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write into.")
  Path output;

  @Option(
      names = "--scaleFactor",
      defaultValue = "0.01",
      description = "Size relative to the full data set (default: ${DEFAULT-VALUE}).")
  double scaleFactor;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--defectRate",
      defaultValue = "0.001",
      description = "Share of records made defective, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double defectRate;

  @Override
  public Integer call() throws IOException {
    if (scaleFactor <= 0 || defectRate < 0 || defectRate > 1) {
      throw new IllegalArgumentException("--scaleFactor must be > 0 and --defectRate in [0, 1]");
    }
    Map<String, Long> written =
        Warehouses.named(warehouse).generate(output, scaleFactor, seed, defectRate);
    out.println(
        "Generated "
            + warehouse
            + " at scale factor "
            + scaleFactor
            + " (seed "
            + seed
            + ") in "
            + output.toAbsolutePath());
    written.forEach((k, v) -> out.printf(Locale.ROOT, "  %-24s %,d%n", k, v));
    return ExitCode.OK.code();
  }
}
