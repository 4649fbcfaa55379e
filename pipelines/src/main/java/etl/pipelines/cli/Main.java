package etl.pipelines.cli;

import etl.pipelines.Warehouses;
import etl.pipelines.core.Errors;
import etl.pipelines.core.WarehouseJob;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code java -jar warehouse-etl.jar <command> [options]}. One load command per
 * registered warehouse ({@link Warehouses}), then the commands on a loaded warehouse and the tools.
 * Commands and their own options are picocli's; every other {@code --name=value} is a Beam pipeline
 * option and passes through unchanged.
 */
@Command(
    name = "warehouse-etl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Builds the Sparkify and Movalytics warehouses with Apache Beam and answers their"
            + " questions.",
    footerHeading = "%nExit codes:%n")
public final class Main implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  private Main() {}

  public static void main(String[] args) {
    if (System.console() != null && System.getProperty("org.slf4j.simpleLogger.log.etl") == null) {
      // On a terminal the progress line says what the INFO log would, and the log would break
      // it; -Dorg.slf4j.simpleLogger.log.etl=info brings the log back.
      System.setProperty("org.slf4j.simpleLogger.log.etl", "warn");
    }
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  /** Runs one command line; returns the exit code (the process's, when run by {@link #main}). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return commandLine(out, err).execute(args);
  }

  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine.IFactory factory = new Factory(out, err);
    CommandLine cli = new CommandLine(new Main(), factory);
    for (WarehouseJob<?> job : Warehouses.ALL) {
      cli.addSubcommand(job.name(), loadCommand(job, factory));
    }
    for (Class<?> command :
        List.of(
            AnswersCommand.class,
            ReportCommand.class,
            GenerateCommand.class,
            CheckCommand.class,
            DdlCommand.class,
            ExtractCommand.class,
            CommandLine.HelpCommand.class)) {
      cli.addSubcommand(new CommandLine(command, factory));
    }
    cli.getCommandSpec().usageMessage().footer(ExitCode.describe());
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setUsageHelpWidth(110);
    cli.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            c.getErr().println("error: " + e.getMessage());
            return ExitCode.CONFIG_ERROR.code();
          }
          c.getErr().println("error: unexpected failure: " + Errors.rootMessage(e));
          return ExitCode.FAILED.code();
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println("error: " + e.getMessage());
          c.getErr()
              .println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
          return ExitCode.CONFIG_ERROR.code();
        });
    return cli;
  }

  /** A warehouse's load command, its help text from the warehouse's own declaration. */
  private static CommandLine loadCommand(WarehouseJob<?> job, CommandLine.IFactory factory) {
    LoadCommand command = new LoadCommand(job);
    ((Factory) factory).give(command);
    CommandLine cli = new CommandLine(command, factory);
    List<String> description = new ArrayList<>(job.description());
    description.addAll(List.of(cli.getCommandSpec().usageMessage().description()));
    List<String> examples = new ArrayList<>();
    job.examples().forEach(e -> examples.add("  " + e));
    examples.add("");
    cli.getCommandSpec()
        .usageMessage()
        .description(description.toArray(new String[0]))
        .footer(examples.toArray(new String[0]));
    return cli;
  }

  @Override
  public void run() {
    // No command: the overview, and the configuration-error code (a scheduler must not see
    // success).
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Gives every command the streams of this invocation (tests capture them). */
  private static final class Factory implements CommandLine.IFactory {
    private final PrintStream out;
    private final PrintStream err;

    Factory(PrintStream out, PrintStream err) {
      this.out = out;
      this.err = err;
    }

    <K> K give(K made) {
      if (made instanceof PrintingCommand c) {
        c.streams(out, err);
      }
      return made;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      return give(CommandLine.defaultFactory().create(cls));
    }
  }
}
