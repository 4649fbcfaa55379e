package etl.pipelines.cli;

import etl.pipelines.core.Errors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** A command's {@code --name=value} arguments as Beam pipeline options. */
final class BeamArgs {
  private static final Pattern SECRET_ARG =
      Pattern.compile("(?i)^(--[^=]*(password|secret|credential|token|key)[^=]*=).*$");

  private BeamArgs() {}

  /**
   * Options of a command that works on a loaded warehouse; {@link IllegalArgumentException} with
   * Beam's message when they do not parse.
   */
  static <T extends PipelineOptions> T parse(Class<T> type, String[] args) {
    PipelineOptionsFactory.register(type);
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(type);
  }

  /**
   * Options of a load: also the S3 options (the aws2 registrar registers AwsOptions only), {@code
   * --full-refresh} as an alias, a bare {@code --help} for this warehouse's options only, and the
   * Direct runner's checks off unless asked for (they catch bugs in tests but make a real load
   * about ten times slower).
   */
  static <T extends PipelineOptions> T parseLoad(Class<T> type, String[] args) {
    PipelineOptionsFactory.register(S3Options.class);
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.replaceAll(
        a ->
            a.equals("--full-refresh")
                ? "--fullRefresh=true"
                : a.equals("--help") ? "--help=" + type.getName() : a);
    if (all.stream().noneMatch(a -> a.startsWith("--enforceImmutability"))) {
      all.add("--enforceImmutability=false");
    }
    if (all.stream().noneMatch(a -> a.startsWith("--enforceEncodability"))) {
      all.add("--enforceEncodability=false");
    }
    return parse(type, all.toArray(new String[0]));
  }

  /**
   * Beam's message for options that do not parse, on one line; where Jackson could not make an
   * option's value, only the reason the option gave.
   */
  static String problem(IllegalArgumentException e) {
    return Errors.firstLine(e.getMessage())
        .replaceFirst("^Cannot construct instance of .*problem: ", "");
  }

  /** The command line as recorded in etl_run: values of secret-looking options are masked. */
  static String masked(String[] args) {
    List<String> masked = new ArrayList<>();
    for (String a : args) {
      masked.add(SECRET_ARG.matcher(a).matches() ? SECRET_ARG.matcher(a).replaceFirst("$1***") : a);
    }
    return String.join(" ", masked);
  }
}
