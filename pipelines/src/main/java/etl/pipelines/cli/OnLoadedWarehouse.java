package etl.pipelines.cli;

import etl.pipelines.Warehouses;
import etl.pipelines.core.ConnectionOptions;
import etl.pipelines.core.WarehouseJob;
import etl.pipelines.run.WarehouseSession;
import etl.transforms.jdbc.Warehouse;
import picocli.CommandLine.Parameters;

/**
 * A command on a warehouse loaded before ({@code answers}, {@code check}, {@code report}): its
 * options name one ({@code --jdbcUrl} or {@code --embeddedDataDir}); failures are one line.
 */
abstract class OnLoadedWarehouse<T extends ConnectionOptions> extends BeamCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      completionCandidates = WarehouseNames.class,
      description = "Warehouse: ${COMPLETION-CANDIDATES}.")
  String warehouse;

  @Override
  abstract Class<T> optionsClass();

  /** The command's work; returns the exit code. */
  abstract ExitCode run(WarehouseJob<?> job, T options, Warehouse warehouse) throws Exception;

  @Override
  int execute() {
    WarehouseJob<?> job = Warehouses.named(warehouse);
    T options;
    try {
      options = BeamArgs.parse(optionsClass(), beamArgs());
    } catch (IllegalArgumentException e) {
      err.println("error: " + BeamArgs.problem(e));
      return ExitCode.CONFIG_ERROR.code();
    }
    try (WarehouseSession session =
        WarehouseSession.existing(options, spec.commandLine().getCommandName())) {
      return run(job, options, session.warehouse()).code();
    } catch (Exception e) {
      return Failures.report(e, err).code();
    }
  }
}
