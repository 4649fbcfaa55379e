package etl.pipelines.run;

import etl.pipelines.core.ConfigException;
import etl.pipelines.core.StagingSink;
import etl.pipelines.core.WarehouseOptions;
import etl.transforms.jdbc.Dialect;
import etl.transforms.jdbc.S3Staging;
import etl.transforms.jdbc.StageRows;
import etl.transforms.jdbc.Warehouse;

/**
 * The staging writers of a real run: into the warehouse by the load method {@code --loadMethod}
 * resolves to, every row stamped with the run's id.
 */
final class JdbcStagingSink implements StagingSink {
  private final Warehouse warehouse;
  private final String runId;
  private final int batchSize;
  private final StageRows.LoadMethod method;
  private final S3Staging s3Staging;

  JdbcStagingSink(WarehouseOptions options, Warehouse warehouse, String runId) {
    this.warehouse = warehouse;
    this.runId = runId;
    this.batchSize = options.getBatchSize();
    this.method = method(options, warehouse.dialect());
    this.s3Staging = method == StageRows.LoadMethod.S3_COPY ? s3Staging(options) : null;
  }

  @Override
  public <T> StageRows<T> stage(String table) {
    StageRows<T> stage =
        StageRows.<T>into(warehouse, table)
            .withConstant("run_id", runId)
            .withBatchSize(batchSize)
            .withLoadMethod(method);
    return s3Staging == null ? stage : stage.withS3Staging(s3Staging);
  }

  private static StageRows.LoadMethod method(WarehouseOptions options, Dialect dialect) {
    switch (options.getLoadMethod()) {
      case COPY:
        if (dialect != Dialect.POSTGRES) {
          throw new ConfigException("--loadMethod=copy needs PostgreSQL");
        }
        return StageRows.LoadMethod.COPY;
      case JDBC:
        return StageRows.LoadMethod.JDBC;
      case S3COPY:
        if (dialect != Dialect.REDSHIFT) {
          throw new ConfigException(
              "--loadMethod=s3copy loads into Redshift (a jdbc:redshift:// URL)");
        }
        return StageRows.LoadMethod.S3_COPY;
      case AUTO:
      default:
        if (dialect == Dialect.POSTGRES) {
          return StageRows.LoadMethod.COPY;
        }
        return options.getS3StagingPrefix() != null
            ? StageRows.LoadMethod.S3_COPY
            : StageRows.LoadMethod.JDBC;
    }
  }

  /** The S3 scratch space and IAM role of {@code --loadMethod=s3copy}. */
  private static S3Staging s3Staging(WarehouseOptions options) {
    String region =
        options.getCopyRegion() != null
            ? options.getCopyRegion()
            : WarehouseSession.awsRegion(options);
    try {
      return S3Staging.of(options.getS3StagingPrefix(), options.getCopyIamRole(), region);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          e.getMessage()
              + " (--loadMethod=s3copy needs --s3StagingPrefix, --copyIamRole and --copyRegion or"
              + " --awsRegion)");
    }
  }
}
