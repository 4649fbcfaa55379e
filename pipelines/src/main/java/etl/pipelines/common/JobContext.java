package etl.pipelines.common;

import etl.transforms.io.ReadFiles;
import etl.transforms.jdbc.S3Staging;
import etl.transforms.jdbc.StageRows;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.record.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;

/** What a {@link WarehouseJob} needs while wiring: where to stage, and where failures go. */
public final class JobContext {
  private final Warehouse warehouse;
  private final String runId;
  private final int batchSize;
  private final StageRows.LoadMethod loadMethod;
  private final S3Staging s3Staging;
  private final FileManifest manifest;
  private final List<PCollection<DeadLetter>> deadLetters = new ArrayList<>();

  JobContext(
      Warehouse warehouse,
      String runId,
      int batchSize,
      StageRows.LoadMethod loadMethod,
      S3Staging s3Staging,
      FileManifest manifest) {
    this.warehouse = warehouse;
    this.manifest = manifest;
    this.runId = runId;
    this.batchSize = batchSize;
    this.loadMethod = loadMethod;
    this.s3Staging = s3Staging;
  }

  StageRows.LoadMethod loadMethod() {
    return loadMethod;
  }

  public String runId() {
    return runId;
  }

  /** The staging writer for a table, stamping every row with this run's id. */
  public <T> StageRows<T> stage(String table) {
    StageRows<T> stage =
        StageRows.<T>into(warehouse, table)
            .withConstant("run_id", runId)
            .withBatchSize(batchSize)
            .withLoadMethod(loadMethod);
    return s3Staging == null ? stage : stage.withS3Staging(s3Staging);
  }

  /**
   * An incremental input: the read covers only the files of its pattern that are new or changed
   * since the warehouse last loaded them (every file with {@code --fullRefresh}), per the {@code
   * etl_loaded_file} manifest. For inputs whose files can be loaded independently of each other
   * (event logs, song files, rating files); reference inputs that every run needs whole are read
   * plainly.
   */
  public ReadFiles incremental(ReadFiles read) {
    return manifest.select(read);
  }

  public void deadLetters(PCollection<DeadLetter> failed) {
    deadLetters.add(failed);
  }

  /** Registers the failures of a routed step and hands back its good records. */
  public <T> PCollection<T> keepGood(WithFailures.Result<PCollection<T>, DeadLetter> routed) {
    deadLetters.add(routed.failures());
    return routed.output();
  }

  List<PCollection<DeadLetter>> deadLetters() {
    return deadLetters;
  }
}
