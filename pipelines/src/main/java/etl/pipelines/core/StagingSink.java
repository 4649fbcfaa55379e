package etl.pipelines.core;

import etl.transforms.jdbc.StageRows;

/**
 * Where a run's parsed rows go: a staging writer per table, stamping every row with the run's id.
 * The load passes it in, so a test can give its own.
 */
public interface StagingSink {
  <T> StageRows<T> stage(String table);
}
