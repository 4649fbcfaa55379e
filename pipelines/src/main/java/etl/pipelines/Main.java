package etl.pipelines;

import etl.pipelines.common.JobRunner;
import etl.pipelines.generate.GenerateCommand;
import etl.pipelines.movalytics.MovalyticsJob;
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
          "  sparkify     load the Sparkify song-play warehouse from --input=<dir or s3://bucket/prefix>",
          "  movalytics   load the Movalytics movie warehouse from --input=<dir or s3://bucket/prefix>",
          "               (movies_metadata.csv, ratings.csv, links.csv, consumer_price_index.csv;",
          "               credits.csv and keywords.csv when present), then print its answers",
          "  answers movalytics   answer the business questions on a loaded warehouse",
          "  generate movalytics|sparkify --output=DIR [--scaleFactor=0.01] [--seed=1] [--defectRate=0.001]",
          "               write input files in the real formats at a scale (SF 1 = full size)",
          "               (--jdbcUrl=… or --embeddedDataDir=…; --answersDir=DIR writes CSV and JSON)",
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
      case MovalyticsJob.NAME:
        return JobRunner.run(new MovalyticsJob(), rest, System.out, System.err);
      case "generate":
        return GenerateCommand.run(rest, System.out, System.err);
      case "answers":
        if (rest.length == 0 || !rest[0].equals(MovalyticsJob.NAME)) {
          System.err.println("error: usage: answers movalytics [--jdbcUrl=… | --embeddedDataDir=…]");
          return JobRunner.CONFIG_ERROR;
        }
        return JobRunner.answers(
            new MovalyticsJob(), Arrays.copyOfRange(rest, 1, rest.length), System.out, System.err);
      default:
        System.err.println("error: unknown command '" + args[0] + "'");
        System.err.println(USAGE);
        return JobRunner.CONFIG_ERROR;
    }
  }
}
