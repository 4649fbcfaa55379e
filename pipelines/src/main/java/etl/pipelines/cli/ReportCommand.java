package etl.pipelines.cli;

import etl.pipelines.answers.AnswersRunner;
import etl.pipelines.core.AnswerOptions;
import etl.pipelines.core.WarehouseJob;
import etl.pipelines.report.HtmlReport;
import etl.pipelines.run.LatestRun;
import etl.transforms.jdbc.Warehouse;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report}: one self-contained HTML file, {@code <dir>/<warehouse>-report.html}, with the
 * warehouse's charts and answers and its latest run's dead letters and checks.
 */
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
final class ReportCommand extends OnLoadedWarehouse<AnswerOptions> {
  @Option(
      names = "--output",
      defaultValue = "reports",
      paramLabel = "DIR",
      description = "Folder for <warehouse>-report.html (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  Class<AnswerOptions> optionsClass() {
    return AnswerOptions.class;
  }

  @Override
  ExitCode run(WarehouseJob<?> job, AnswerOptions options, Warehouse warehouse) throws Exception {
    Map<String, Object> run = LatestRun.any(warehouse, job.name());
    HtmlReport.LatestRun latest =
        new HtmlReport.LatestRun(
            run,
            LatestRun.rows(warehouse, run, "dead_letters_by_reason.sql"),
            LatestRun.rows(warehouse, run, "check_results.sql"));
    Path file = output.resolve(job.name() + "-report.html");
    HtmlReport.write(
        file,
        job.name(),
        job.charts(),
        AnswersRunner.query(warehouse, job.name(), job.answers(), job.answerParameters(options)),
        latest);
    out.println("Report written to " + file.toAbsolutePath());
    return ExitCode.OK;
  }
}
