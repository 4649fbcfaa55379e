package etl.pipelines.cli;

import etl.pipelines.answers.AnswersRunner;
import etl.pipelines.core.AnswerOptions;
import etl.pipelines.core.WarehouseJob;
import etl.transforms.jdbc.Warehouse;
import picocli.CommandLine.Command;

/** {@code answers}: a loaded warehouse's business questions, printed (and written as files). */
@Command(
    name = "answers",
    description = {
      "Answer a warehouse's business questions.",
      "On a loaded warehouse (--jdbcUrl=… or --embeddedDataDir=<dir of a kept run>);",
      "--answersDir=DIR also writes CSV and JSON."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  warehouse-etl answers movalytics --embeddedDataDir=dw --minRatings=50", ""})
final class AnswersCommand extends OnLoadedWarehouse<AnswerOptions> {
  @Override
  Class<AnswerOptions> optionsClass() {
    return AnswerOptions.class;
  }

  @Override
  ExitCode run(WarehouseJob<?> job, AnswerOptions options, Warehouse warehouse) throws Exception {
    AnswersRunner.run(
        warehouse, job.name(), job.answers(), job.answerParameters(options), options, out);
    return ExitCode.OK;
  }
}
