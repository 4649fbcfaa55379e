package etl.pipelines.cli;

import etl.pipelines.Warehouses;
import etl.pipelines.run.WarehouseTables;
import etl.transforms.jdbc.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ddl}: every table of a warehouse, bookkeeping first, in a SQL dialect. */
@Command(
    name = "ddl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print the DDL of a warehouse (its bookkeeping tables first) in a SQL dialect.",
    footerHeading = "%nExamples:%n",
    footer = {"  warehouse-etl ddl movalytics --dialect=redshift > movalytics-redshift.sql", ""})
final class DdlCommand extends PrintingCommand {
  @Parameters(
      index = "0",
      completionCandidates = WarehouseNames.class,
      description = "Warehouse: ${COMPLETION-CANDIDATES}.")
  String warehouse;

  @Option(
      names = "--dialect",
      defaultValue = "postgres",
      description = "postgres or redshift (default: ${DEFAULT-VALUE}).")
  String dialect;

  @Override
  public Integer call() {
    Dialect d =
        switch (dialect) {
          case "postgres" -> Dialect.POSTGRES;
          case "redshift" -> Dialect.REDSHIFT;
          default ->
              throw new IllegalArgumentException(
                  "--dialect must be postgres or redshift, was " + dialect);
        };
    out.print(WarehouseTables.ddlText(Warehouses.named(warehouse), d));
    out.flush();
    return ExitCode.OK.code();
  }
}
