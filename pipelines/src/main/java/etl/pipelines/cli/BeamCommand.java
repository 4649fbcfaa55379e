package etl.pipelines.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command whose options are Beam pipeline options: every {@code --name=value} picocli does not
 * know passes through unchanged; {@code --help} lists the command, then its Beam options.
 */
abstract class BeamCommand extends PrintingCommand {
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
  abstract Class<? extends PipelineOptions> optionsClass();

  abstract int execute();

  @Override
  public Integer call() {
    if (version) {
      for (String line : new VersionProvider().getVersion()) {
        out.println(line);
      }
      return ExitCode.OK.code();
    }
    if (help) {
      spec.commandLine().usage(out);
      out.println("Beam pipeline options (--name=value; runner and AWS options pass through too):");
      PipelineOptionsFactory.printHelp(out, optionsClass());
      return ExitCode.OK.code();
    }
    return execute();
  }
}
