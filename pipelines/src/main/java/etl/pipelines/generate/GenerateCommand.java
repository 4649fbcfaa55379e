package etl.pipelines.generate;

import etl.pipelines.common.JobRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code generate movalytics|sparkify --output=DIR [--scaleFactor=0.01] [--seed=1]
 * [--defectRate=0.001]}: writes input files in the real formats; prints what it wrote, with the
 * number of each injected defect (the dead letters a load must report).
 */
public final class GenerateCommand {
  private GenerateCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !(args[0].equals("movalytics") || args[0].equals("sparkify"))) {
      err.println("error: usage: generate movalytics|sparkify --output=DIR [--scaleFactor=0.01] [--seed=1] [--defectRate=0.001]");
      return JobRunner.CONFIG_ERROR;
    }
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      int eq = a.indexOf('=');
      if (!a.startsWith("--") || eq < 0) {
        err.println("error: expected --name=value, got " + a);
        return JobRunner.CONFIG_ERROR;
      }
      opts.put(a.substring(2, eq), a.substring(eq + 1));
    }
    if (!opts.containsKey("output")) {
      err.println("error: --output=DIR is required");
      return JobRunner.CONFIG_ERROR;
    }
    try {
      double sf = Double.parseDouble(opts.getOrDefault("scaleFactor", "0.01"));
      long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
      double defects = Double.parseDouble(opts.getOrDefault("defectRate", "0.001"));
      if (sf <= 0 || defects < 0 || defects > 1) {
        err.println("error: --scaleFactor must be > 0 and --defectRate in [0, 1]");
        return JobRunner.CONFIG_ERROR;
      }
      Path dir = Path.of(opts.get("output"));
      Map<String, Long> written =
          args[0].equals("movalytics")
              ? MovalyticsGenerator.generate(dir, sf, seed, defects)
              : SparkifyGenerator.generate(dir, sf, seed, defects);
      out.println("Generated " + args[0] + " at scale factor " + sf + " (seed " + seed + ") in " + dir.toAbsolutePath());
      written.forEach((k, v) -> out.printf("  %-24s %,d%n", k, v));
      return JobRunner.OK;
    } catch (NumberFormatException e) {
      err.println("error: not a number: " + e.getMessage());
      return JobRunner.CONFIG_ERROR;
    } catch (IOException e) {
      err.println("error: cannot write: " + e.getMessage());
      return JobRunner.FAILED;
    }
  }
}
