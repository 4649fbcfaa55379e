package etl.pipelines.common;

import etl.transforms.io.DeadLetter;
import etl.transforms.io.Routed;
import etl.transforms.jdbc.StageRows;
import etl.transforms.jdbc.Warehouse;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.PCollection;

/** What a {@link WarehouseJob} needs while wiring: where to stage, and where failures go. */
public final class JobContext {
  private final Warehouse warehouse;
  private final String runId;
  private final int batchSize;
  private final StageRows.LoadMethod loadMethod;
  private final List<PCollection<DeadLetter>> deadLetters = new ArrayList<>();

  JobContext(Warehouse warehouse, String runId, int batchSize, StageRows.LoadMethod loadMethod) {
    this.warehouse = warehouse;
    this.runId = runId;
    this.batchSize = batchSize;
    this.loadMethod = loadMethod;
  }

  StageRows.LoadMethod loadMethod() {
    return loadMethod;
  }

  public String runId() {
    return runId;
  }

  /** The staging writer for a table, stamping every row with this run's id. */
  public <T> StageRows<T> stage(String table) {
    return StageRows.<T>into(warehouse, table)
        .withConstant("run_id", runId)
        .withBatchSize(batchSize)
        .withLoadMethod(loadMethod);
  }

  public void deadLetters(PCollection<DeadLetter> failed) {
    deadLetters.add(failed);
  }

  /** Registers the failures of a routed step and hands back its good records. */
  public <T> PCollection<T> keepGood(Routed<T> routed) {
    deadLetters.add(routed.failed());
    return routed.good();
  }

  List<PCollection<DeadLetter>> deadLetters() {
    return deadLetters;
  }
}
