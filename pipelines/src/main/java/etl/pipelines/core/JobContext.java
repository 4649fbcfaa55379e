package etl.pipelines.core;

import etl.transforms.record.DeadLetter;
import etl.transforms.io.ReadFiles;
import org.apache.beam.sdk.transforms.WithFailures;
import etl.transforms.jdbc.StageRows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.beam.sdk.values.PCollection;

/** What a {@link WarehouseJob} needs while wiring: where to stage, and where failures go. */
public final class JobContext {
  private final String runId;
  private final StagingSink sink;
  private final UnaryOperator<ReadFiles> incremental;
  private final List<PCollection<DeadLetter>> deadLetters = new ArrayList<>();

  public JobContext(String runId, StagingSink sink, UnaryOperator<ReadFiles> incremental) {
    this.runId = runId;
    this.sink = sink;
    this.incremental = incremental;
  }

  public String runId() {
    return runId;
  }

  /** The staging writer for a table, stamping every row with this run's id. */
  public <T> StageRows<T> stage(String table) {
    return sink.stage(table);
  }

  /**
   * An incremental input: the read covers only the files of its pattern that are new or changed
   * since the warehouse last loaded them (every file with {@code --fullRefresh}), per the {@code
   * etl_loaded_file} manifest. For inputs whose files can be loaded independently of each other
   * (event logs, song files, rating files); reference inputs that every run needs whole are read
   * plainly.
   */
  public ReadFiles incremental(ReadFiles read) {
    return incremental.apply(read);
  }

  public void deadLetters(PCollection<DeadLetter> failed) {
    deadLetters.add(failed);
  }

  /** Registers the failures of a routed step and hands back its good records. */
  public <T> PCollection<T> keepGood(WithFailures.Result<PCollection<T>, DeadLetter> routed) {
    deadLetters.add(routed.failures());
    return routed.output();
  }

  public List<PCollection<DeadLetter>> deadLetters() {
    return deadLetters;
  }
}
