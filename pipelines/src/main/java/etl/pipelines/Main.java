package etl.pipelines;

import etl.pipelines.common.JobRunner;
import etl.pipelines.common.WarehouseJob;
import etl.pipelines.extract.ExtractCommand;
import etl.pipelines.generate.GenerateCommand;
import etl.pipelines.movalytics.MovalyticsJob;
import etl.pipelines.sparkify.SparkifyJob;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The command line: {@code java -jar warehouse-etl.jar <command> [options]}. Commands and their own
 * options are picocli's; every other {@code --name=value} is a Beam pipeline option (the
 * warehouse's options, runner options such as {@code --runner} and {@code --sparkMaster}, AWS
 * options) and passes through unchanged.
 */
@Command(
    name = "warehouse-etl",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Builds the Sparkify and Movalytics warehouses with Apache Beam and answers their"
            + " questions.",
    subcommands = {
      Main.Load.Sparkify.class,
      Main.Load.Movalytics.class,
      Main.Answers.class,
      Main.Report.class,
      GenerateCommand.class,
      Main.Check.class,
      Main.Ddl.class,
      ExtractCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done: the run published and every check passed",
      "  1  the run failed (the summary says why); final tables unchanged",
      "  2  configuration mistake (missing input, bad option, unreachable database or endpoint)",
      "  3  data-quality checks failed; the MERGE was rolled back, final tables unchanged",
      "  4  another run of the same warehouse was loading it; nothing was done",
      "",
      "Run 'warehouse-etl <command> --help' for a command's options and examples."
    })
public final class Main implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  private Main() {}

  public static void main(String[] args) {
    if (System.console() != null && System.getProperty("org.slf4j.simpleLogger.log.etl") == null) {
      // On a terminal the progress line says what the INFO log would, and the log would break
      // it; -Dorg.slf4j.simpleLogger.log.etl=info brings the log back.
      System.setProperty("org.slf4j.simpleLogger.log.etl", "warn");
    }
    System.exit(run(args));
  }

  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  /** Runs one command line; returns the exit code (the process's, when run by {@link #main}). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = commandLine(out, err);
    return cli.execute(args);
  }

  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Main(), new Factory(out, err));
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setUsageHelpWidth(110);
    cli.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            c.getErr().println("error: " + e.getMessage());
            return JobRunner.CONFIG_ERROR;
          }
          c.getErr().println("error: unexpected failure: " + JobRunner.rootMessage(e));
          return JobRunner.FAILED;
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println("error: " + e.getMessage());
          c.getErr()
              .println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
          return JobRunner.CONFIG_ERROR;
        });
    return cli;
  }

  @Override
  public void run() {
    // No command: the overview, and the configuration-error code (a scheduler must not see
    // success).
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The jar's version (from its manifest), or "development" when run from classes. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "warehouse-etl " + (v == null ? "development" : v),
        "Apache Beam "
            + org.apache.beam.sdk.util.ReleaseInfo.getReleaseInfo().getVersion()
            + ", Java "
            + System.getProperty("java.version")
      };
    }
  }

  /** Gives every command the streams of this invocation (tests capture them). */
  private static final class Factory implements CommandLine.IFactory {
    private final PrintStream out;
    private final PrintStream err;

    Factory(PrintStream out, PrintStream err) {
      this.out = out;
      this.err = err;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      K made = CommandLine.defaultFactory().create(cls);
      if (made instanceof PrintingCommand c) {
        c.out = out;
        c.err = err;
      }
      return made;
    }
  }

  /** A command that prints to this invocation's streams (given by {@link Factory}). */
  public abstract static class PrintingCommand implements Callable<Integer> {
    protected PrintStream out = System.out;
    protected PrintStream err = System.err;
  }

  /** The warehouse named on the command line. */
  public static WarehouseJob<?> warehouse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name the warehouse: sparkify or movalytics");
    }
    switch (name) {
      case SparkifyJob.NAME:
        return new SparkifyJob();
      case MovalyticsJob.NAME:
        return new MovalyticsJob();
      default:
        throw new IllegalArgumentException(
            "unknown warehouse '" + name + "' (sparkify or movalytics)");
    }
  }

  /** Candidates for a warehouse parameter, shown in help and checked by picocli. */
  public static final class Warehouses extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    public Warehouses() {
      super(List.of(SparkifyJob.NAME, MovalyticsJob.NAME));
    }
  }

  /** Base of the commands whose options are Beam options, passed through. */
  abstract static class BeamCommand extends PrintingCommand {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-h", "--help"},
        description = "Show this help, then the Beam options it takes.")
    boolean help;

    @Option(
        names = {"-V", "--version"},
        description = "Print version information and exit.")
    boolean version;

    @Unmatched List<String> beamOptions = new ArrayList<>();

    String[] beamArgs() {
      return beamOptions.toArray(new String[0]);
    }

    /** The Beam options interface whose options this command takes (listed by --help). */
    abstract Class<? extends org.apache.beam.sdk.options.PipelineOptions> optionsClass();

    abstract int execute();

    @Override
    public Integer call() {
      if (version) {
        for (String line : new Version().getVersion()) {
          out.println(line);
        }
        return JobRunner.OK;
      }
      if (help) {
        spec.commandLine().usage(out);
        out.println(
            "Beam pipeline options (--name=value; runner and AWS options pass through too):");
        PipelineOptionsFactory.printHelp(out, optionsClass());
        return JobRunner.OK;
      }
      return execute();
    }
  }

  /** {@code sparkify} and {@code movalytics}: a load, end to end. */
  abstract static class Load extends BeamCommand {
    abstract WarehouseJob<?> job();

    @Override
    Class<? extends org.apache.beam.sdk.options.PipelineOptions> optionsClass() {
      return job().optionsClass();
    }

    @Override
    int execute() {
      return JobRunner.run(job(), beamArgs(), out, err);
    }

    @Command(
        name = "sparkify",
        description = {
          "Load the Sparkify song-play warehouse.",
          "Reads song files (song_data/**/*.json) and event logs (log_data/**/*.json) under"
              + " --input:",
          "only the files new or changed since the last load (--full-refresh: all).",
          "",
          "Options are Beam pipeline options, --name=value (listed below the examples)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
          "  warehouse-etl sparkify --input=pipelines/samples/sparkify",
          "  warehouse-etl sparkify --input=s3://bucket/sparkify --awsRegion=us-west-2 \\",
          "      --jdbcUrl=jdbc:postgresql://db:5432/dw --dbUser=etl --summaryJson=run.json",
          "  warehouse-etl sparkify --input=data --full-refresh --runner=SparkRunner"
              + " --sparkMaster=local[2]",
          ""
        })
    static final class Sparkify extends Load {
      @Override
      WarehouseJob<?> job() {
        return new SparkifyJob();
      }
    }

    @Command(
        name = "movalytics",
        description = {
          "Load the Movalytics movie warehouse, then print its answers.",
          "Reads movies_metadata.csv, ratings.csv, links.csv, consumer_price_index.csv, and"
              + " credits.csv",
          "and keywords.csv when present, under --input.",
          "",
          "Options are Beam pipeline options, --name=value (listed below the examples)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
          "  warehouse-etl movalytics --input=pipelines/samples/movalytics --minRatings=2"
              + " --minVotes=10",
          "  warehouse-etl movalytics --input=kaggle --embeddedDataDir=dw --answersDir=answers",
          ""
        })
    static final class Movalytics extends Load {
      @Override
      WarehouseJob<?> job() {
        return new MovalyticsJob();
      }
    }
  }

  @Command(
      name = "answers",
      description = {
        "Answer a warehouse's business questions.",
        "On a loaded warehouse (--jdbcUrl=… or --embeddedDataDir=<dir of a kept run>);",
        "--answersDir=DIR also writes CSV and JSON."
      },
      footerHeading = "%nExamples:%n",
      footer = {"  warehouse-etl answers movalytics --embeddedDataDir=dw --minRatings=50", ""})
  static final class Answers extends BeamCommand {
    @Parameters(
        index = "0",
        arity = "0..1",
        completionCandidates = Warehouses.class,
        description = "Warehouse: ${COMPLETION-CANDIDATES}.")
    String warehouse;

    @Override
    Class<? extends org.apache.beam.sdk.options.PipelineOptions> optionsClass() {
      return etl.pipelines.common.AnswerOptions.class;
    }

    @Override
    int execute() {
      return JobRunner.answers(warehouse(warehouse), beamArgs(), out, err);
    }
  }

  @Command(
      name = "report",
      description = {
        "Write an HTML report with charts of a loaded warehouse.",
        "One self-contained file (--jdbcUrl=… or --embeddedDataDir=…): charts of the answers with"
            + " their",
        "tables and coverage, then the latest run's dead letters and checks."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  warehouse-etl report movalytics --embeddedDataDir=dw --output=reports",
        "  warehouse-etl report sparkify --jdbcUrl=jdbc:postgresql://db:5432/dw --dbUser=analyst",
        ""
      })
  static final class Report extends BeamCommand {
    @Parameters(
        index = "0",
        arity = "0..1",
        completionCandidates = Warehouses.class,
        description = "Warehouse: ${COMPLETION-CANDIDATES}.")
    String warehouse;

    @Option(
        names = "--output",
        defaultValue = "reports",
        paramLabel = "DIR",
        description = "Folder for <warehouse>-report.html (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path output;

    @Override
    Class<? extends org.apache.beam.sdk.options.PipelineOptions> optionsClass() {
      return etl.pipelines.common.AnswerOptions.class;
    }

    @Override
    int execute() {
      return JobRunner.report(warehouse(warehouse), beamArgs(), output, out, err);
    }
  }

  @Command(
      name = "check",
      description = {
        "Run a warehouse's data-quality checks, without loading.",
        "On its final tables as they are (--jdbcUrl=… or --embeddedDataDir=…); exit 3 when any"
            + " fails."
      },
      footerHeading = "%nExamples:%n",
      footer = {"  warehouse-etl check sparkify --embeddedDataDir=dw", ""})
  static final class Check extends BeamCommand {
    @Parameters(
        index = "0",
        arity = "0..1",
        completionCandidates = Warehouses.class,
        description = "Warehouse: ${COMPLETION-CANDIDATES}.")
    String warehouse;

    @Override
    Class<? extends org.apache.beam.sdk.options.PipelineOptions> optionsClass() {
      return etl.pipelines.common.ConnectionOptions.class;
    }

    @Override
    int execute() {
      return JobRunner.check(warehouse(warehouse), beamArgs(), out, err);
    }
  }

  @Command(
      name = "ddl",
      mixinStandardHelpOptions = true,
      versionProvider = Main.Version.class,
      description = "Print the DDL of a warehouse (its bookkeeping tables first) in a SQL dialect.",
      footerHeading = "%nExamples:%n",
      footer = {"  warehouse-etl ddl movalytics --dialect=redshift > movalytics-redshift.sql", ""})
  static final class Ddl extends PrintingCommand {
    @Parameters(
        index = "0",
        completionCandidates = Warehouses.class,
        description = "Warehouse: ${COMPLETION-CANDIDATES}.")
    String warehouse;

    @Option(
        names = "--dialect",
        defaultValue = "postgres",
        description = "postgres or redshift (default: ${DEFAULT-VALUE}).")
    String dialect;

    @Override
    public Integer call() {
      etl.transforms.jdbc.Dialect d;
      switch (dialect) {
        case "postgres":
          d = etl.transforms.jdbc.Dialect.POSTGRES;
          break;
        case "redshift":
          d = etl.transforms.jdbc.Dialect.REDSHIFT;
          break;
        default:
          throw new IllegalArgumentException(
              "--dialect must be postgres or redshift, was " + dialect);
      }
      out.print(JobRunner.ddl(warehouse(warehouse), d));
      out.flush();
      return JobRunner.OK;
    }
  }
}
