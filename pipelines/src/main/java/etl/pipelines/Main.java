package etl.pipelines;

import etl.pipelines.common.JobRunner;
import etl.pipelines.sparkify.SparkifyJob;
import java.util.Arrays;

/**
 * The executable jar's entry point: {@code java -jar warehouse-etl.jar <warehouse> [options]}.
 * Exit codes: 0 published and every check passed; 1 the run failed; 2 a configuration mistake;
 * 3 data-quality checks failed (final tables unchanged).
 */
public final class Main {
  private static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: java -jar warehouse-etl.jar <command> [--option=value ...]",
          "",
          "Commands:",
          "  sparkify   load the Sparkify song-play warehouse from --input=<dir or s3://bucket/prefix>",
          "",
          "Common options: --input, --jdbcUrl, --dbUser, --dbPasswordEnv, --dbPasswordFile,",
          "  --embeddedDataDir, --keepRunning, --batchSize, and any Beam/runner option",
          "  (--runner=SparkRunner --sparkMaster=local[2], --awsRegion, --endpoint, ...).",
          "Exit codes: 0 ok, 1 run failed, 2 configuration error, 3 checks failed.");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println(USAGE);
      return args.length == 0 ? JobRunner.CONFIG_ERROR : JobRunner.OK;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case SparkifyJob.NAME:
        return JobRunner.run(new SparkifyJob(), rest, System.out, System.err);
      default:
        System.err.println("error: unknown command '" + args[0] + "'");
        System.err.println(USAGE);
        return JobRunner.CONFIG_ERROR;
    }
  }
}
