package etl.pipelines.core;

import etl.transforms.io.BulkLoad;
import etl.transforms.io.ReadFiles;
import etl.transforms.jdbc.StageRows;
import etl.transforms.record.DeadLetter;
import etl.transforms.record.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;

/**
 * What a {@link WarehouseJob} wires with: its sources read as declared (only the new or changed
 * files of incremental ones), staging writers, and one place where every step's dead letters go. It
 * keeps the sources it read: their declarations are the run's accounting.
 */
public final class JobContext {
  private final String runId;
  private final StagingSink sink;
  private final UnaryOperator<ReadFiles> incremental;
  private final List<PCollection<DeadLetter>> deadLetters = new ArrayList<>();
  private final List<AccountedSource> sources = new ArrayList<>();

  /**
   * @param incremental narrows an incremental source's reader to the files new or changed since the
   *     warehouse last loaded them (all with {@code --fullRefresh}), per {@code etl_loaded_file}
   */
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

  /** Reads a source as declared: its good records; its dead letters go to etl_dead_letter. */
  public <O extends WarehouseOptions, T extends Origin> PCollection<T> read(
      Pipeline p, O options, Source<O, T> source, Join<T> join) {
    return keepGood(p.apply(new ReadSource<>(source, reader(options, source, join), join)));
  }

  /**
   * Reads a source and stages it into its declared table. Where the staging writer allows it (COPY)
   * this is one step that reads, parses, checks and copies, without handing every record from step
   * to step; the rows, dead letters and counters are the same either way.
   */
  public <O extends WarehouseOptions, T extends Origin> PCollection<?> load(
      Pipeline p, O options, Source<O, T> source, Join<T> join) {
    StageRows<T> stage = stage(source.stagedIn());
    boolean bulk =
        BulkLoad.supports(stage)
            && source.format() == Source.Format.LINES
            && source.bytesPerRange() > 0
            && source.deduplication() == null
            && source.knownKeys() == null;
    if (!bulk) {
      return read(p, options, source, join).apply("Stage" + source.step(), stage);
    }
    BulkLoad<T> load =
        BulkLoad.of(
            reader(options, source, join), source.parser(), source.type(), "Parse" + source.step());
    if (source.check() != null) {
      load = load.checkedBy(join.rule(), source.check());
    }
    PCollection<DeadLetter> failed = p.apply("Load" + source.step(), load.stagedBy(stage));
    deadLetters.add(failed);
    return failed;
  }

  /** Whether an optional source's files are there (checked once, when the pipeline is built). */
  public static <O extends WarehouseOptions> boolean present(Source<O, ?> source, O options) {
    return !Inputs.list("an optional input", source.pattern(options)).isEmpty();
  }

  /** Registers a step's failures and hands back its good records. */
  public <T> PCollection<T> keepGood(WithFailures.Result<PCollection<T>, DeadLetter> result) {
    deadLetters.add(result.failures());
    return result.output();
  }

  public List<PCollection<DeadLetter>> deadLetters() {
    return deadLetters;
  }

  /** How each source read in this run is accounted for. */
  public List<AccountedSource> sources() {
    return sources;
  }

  private <O extends WarehouseOptions> ReadFiles reader(
      O options, Source<O, ?> source, Join<?> join) {
    sources.add(source.accounted());
    ReadFiles read = ReadSource.reader(source, source.pattern(options), join);
    return source.incremental() ? incremental.apply(read) : read;
  }
}
