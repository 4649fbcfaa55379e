package etl.pipelines.cli;

import etl.pipelines.core.ConnectionOptions;
import etl.pipelines.core.WarehouseJob;
import etl.pipelines.run.LatestRun;
import etl.pipelines.run.WarehouseTables;
import etl.transforms.check.CheckResult;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.merge.MergeRunner;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/**
 * {@code check}: every check of a warehouse against its final tables as they are (run-scoped checks
 * see the latest run's staging rows); records nothing. Exit 3 when any fails.
 */
@Command(
    name = "check",
    description = {
      "Run a warehouse's data-quality checks, without loading.",
      "On its final tables as they are (--jdbcUrl=… or --embeddedDataDir=…); exit 3 when any fails."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  warehouse-etl check sparkify --embeddedDataDir=dw", ""})
final class CheckCommand extends OnLoadedWarehouse<ConnectionOptions> {
  @Override
  Class<ConnectionOptions> optionsClass() {
    return ConnectionOptions.class;
  }

  @Override
  ExitCode run(WarehouseJob<?> job, ConnectionOptions options, Warehouse warehouse)
      throws Exception {
    String runId = (String) LatestRun.published(warehouse, job.name()).get("run_id");
    List<CheckResult> results =
        new MergeRunner(
                warehouse,
                job.name(),
                List.of(),
                List.of(),
                WarehouseTables.checks(job, job.finalTables(), warehouse.dialect()))
            .check(runId);
    long failed = results.stream().filter(r -> !r.passed()).count();
    out.printf(
        Locale.ROOT,
        "%s checks at %s (latest run %s): %d of %d passed%n",
        job.name(),
        warehouse,
        runId,
        results.size() - failed,
        results.size());
    for (CheckResult r : results) {
      out.printf(
          Locale.ROOT,
          "  %-4s %s%s%n",
          r.passed() ? "ok" : "FAIL",
          r.name(),
          r.passed() ? "" : ": " + r.violations() + " violating rows, e.g. " + r.sample());
    }
    out.flush();
    return failed == 0 ? ExitCode.OK : ExitCode.CHECKS_FAILED;
  }
}
