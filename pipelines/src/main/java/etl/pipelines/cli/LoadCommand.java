package etl.pipelines.cli;

import etl.pipelines.answers.AnswersRunner;
import etl.pipelines.core.AnswerOptions;
import etl.pipelines.core.Errors;
import etl.pipelines.core.Inputs;
import etl.pipelines.core.Source;
import etl.pipelines.core.WarehouseJob;
import etl.pipelines.core.WarehouseOptions;
import etl.pipelines.run.LoadRun;
import etl.pipelines.run.RunSummary;
import etl.pipelines.run.WarehouseSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine.Command;

/**
 * A warehouse's load command ({@code sparkify}, {@code movalytics}, one per registered warehouse):
 * checks the inputs, opens the warehouse, takes its run lock, runs the load ({@link LoadRun}),
 * prints and records the summary, then answers the warehouse's questions.
 */
@Command(
    footerHeading = "%nExamples:%n",
    description = {
      "",
      "Options are Beam pipeline options, --name=value (listed below the examples)."
    })
public final class LoadCommand extends BeamCommand {
  private final WarehouseJob<?> job;

  LoadCommand(WarehouseJob<?> job) {
    this.job = job;
  }

  @Override
  Class<? extends PipelineOptions> optionsClass() {
    return job.optionsClass();
  }

  @Override
  int execute() {
    return load(job, beamArgs(), out, err);
  }

  /** One load, exactly as {@code warehouse-etl <warehouse> args} runs it; returns the exit code. */
  public static <O extends WarehouseOptions> int load(
      WarehouseJob<O> job, String[] args, PrintStream out, PrintStream err) {
    O options;
    try {
      options = BeamArgs.parseLoad(job.optionsClass(), args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + BeamArgs.problem(e));
      err.println("Run with --help=" + job.optionsClass().getName() + " for the options.");
      return ExitCode.CONFIG_ERROR.code();
    }
    options.setJobName(job.name() + "-" + System.currentTimeMillis());
    // What went to stderr, for the summary JSON of a run that never started (exit 2 or 4).
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    PrintStream errAndKept = new PrintStream(new Tee(err, kept), true, StandardCharsets.UTF_8);
    ExitCode code;
    try {
      FileSystems.setDefaultPipelineOptions(options);
      job.validate(options);
      Inputs.check(required(job, options));
      try (WarehouseSession session = WarehouseSession.open(options)) {
        session.lock(job.name());
        RunSummary summary =
            LoadRun.run(job, options, session.warehouse(), BeamArgs.masked(args), err);
        session.unlock();
        code = summarize(summary, options, out);
        if (code == ExitCode.OK
            && !job.answers().isEmpty()
            && options instanceof AnswerOptions a
            && a.getAnswersAfterLoad()) {
          AnswersRunner.run(
              session.warehouse(), job.name(), job.answers(), job.answerParameters(a), a, out);
        }
        session.describe(options, out);
      }
    } catch (Exception e) {
      code = Failures.report(e, errAndKept);
    }
    if ((code == ExitCode.CONFIG_ERROR || code == ExitCode.BUSY)
        && options.getSummaryJson() != null) {
      writeNotRun(job, options, code, kept.toString(StandardCharsets.UTF_8), err);
    }
    return code.code();
  }

  /** Each required source's name → its files. */
  private static <O extends WarehouseOptions> Map<String, String> required(
      WarehouseJob<O> job, O options) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (Source<O, ?> source : job.sources()) {
      if (!source.optional()) {
        inputs.put(source.inputName(), source.pattern(options));
      }
    }
    return inputs;
  }

  private static ExitCode summarize(RunSummary summary, WarehouseOptions options, PrintStream out) {
    summary.print(out);
    if (summary.notRecorded() != null) {
      // The outcome stands; only its bookkeeping row is missing (e.g. the database went away).
      out.println("Not recorded in etl_run: " + summary.notRecorded());
    }
    ExitCode code = ExitCode.of(summary);
    if (options.getSummaryJson() != null) {
      try {
        summary.writeJson(Path.of(options.getSummaryJson()), code.code());
      } catch (IOException e) {
        out.println(
            "Cannot write the summary JSON " + options.getSummaryJson() + ": " + e.getMessage());
        return ExitCode.FAILED;
      }
    }
    return code;
  }

  private static void writeNotRun(
      WarehouseJob<?> job,
      WarehouseOptions options,
      ExitCode code,
      String errors,
      PrintStream err) {
    try {
      RunSummary.notRun(
              job.name(),
              code == ExitCode.BUSY ? "busy" : "configuration_error",
              code.code(),
              Errors.firstLine(errors.replaceFirst("^error: ", "")))
          .writeJson(Path.of(options.getSummaryJson()), code.code());
    } catch (IOException e) {
      err.println(
          "error: cannot write the summary JSON "
              + options.getSummaryJson()
              + ": "
              + e.getMessage());
    }
  }

  /** Writes to both streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
