package etl.transforms.merge;

import static java.util.Objects.requireNonNull;

import etl.transforms.check.Check;
import etl.transforms.check.CheckResult;
import etl.transforms.jdbc.Warehouse;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a load: once every staging write has finished ({@link Wait#on} the writers'
 * signals), runs the warehouse's MERGE scripts in order and its checks in one transaction through
 * {@link MergeRunner}.
 *
 * <p>Output: the run id, once published. A failed check rolls the transaction back (final tables
 * unchanged), outputs nothing, logs each failed check with sample rows and counts the run in {@code
 * MergeAndCheck/rolled_back}; the results are in {@code etl_check_result}. It does not fail the
 * pipeline: runners retry failed steps (Spark four times on a cluster), and a deliberate rollback
 * must not be merged and checked again. A SQL error rolls back too and does fail the step, so it is
 * retried. Idempotent: MERGE scripts de-duplicate staging and are safe to repeat.
 */
public final class MergeAndCheck extends PTransform<PBegin, PCollection<String>> {
  private final Warehouse warehouse;
  private final String pipeline;
  private final String runId;
  private final List<String> stagingTables;
  private final List<MergeRunner.Merge> merges;
  private final List<Check> checks;
  private final List<PCollection<?>> signals;

  private MergeAndCheck(
      Warehouse warehouse,
      String pipeline,
      String runId,
      List<String> stagingTables,
      List<MergeRunner.Merge> merges,
      List<Check> checks,
      List<PCollection<?>> signals) {
    this.warehouse = warehouse;
    this.pipeline = pipeline;
    this.runId = runId;
    this.stagingTables = stagingTables;
    this.merges = merges;
    this.checks = checks;
    this.signals = signals;
  }

  public static MergeAndCheck of(Warehouse warehouse, String pipeline, String runId) {
    return new MergeAndCheck(
        requireNonNull(warehouse),
        requireNonNull(pipeline),
        requireNonNull(runId),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** The staging tables the merges read (their statistics are refreshed first). */
  public MergeAndCheck withStagingTables(List<String> tables) {
    return new MergeAndCheck(
        warehouse, pipeline, runId, List.copyOf(tables), merges, checks, signals);
  }

  /** The MERGE scripts, in order: dimensions before the facts that reference them. */
  public MergeAndCheck withMerges(List<MergeRunner.Merge> merges) {
    return new MergeAndCheck(
        warehouse, pipeline, runId, stagingTables, List.copyOf(merges), checks, signals);
  }

  public MergeAndCheck withChecks(List<Check> checks) {
    return new MergeAndCheck(
        warehouse, pipeline, runId, stagingTables, merges, List.copyOf(checks), signals);
  }

  /** Runs only after every one of these PCollections is complete. */
  public MergeAndCheck after(List<PCollection<?>> signals) {
    return new MergeAndCheck(
        warehouse, pipeline, runId, stagingTables, merges, checks, List.copyOf(signals));
  }

  @Override
  public PCollection<String> expand(PBegin input) {
    if (signals.isEmpty()) {
      throw new IllegalStateException("MergeAndCheck needs the staging writes to wait for");
    }
    return input
        .apply("RunId", Create.of(runId).withCoder(StringUtf8Coder.of()))
        .apply("WaitForStaging", Wait.on(signals.toArray(new PCollection<?>[0])))
        .apply(
            "MergeInOneTransaction",
            ParDo.of(
                new MergeFn(new MergeRunner(warehouse, pipeline, stagingTables, merges, checks))));
  }

  private static final class MergeFn extends DoFn<String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(MergeAndCheck.class);
    private final MergeRunner runner;

    MergeFn(MergeRunner runner) {
      this.runner = runner;
    }

    @ProcessElement
    public void process(@Element String runId, OutputReceiver<String> out) throws Exception {
      MergeRunner.Outcome outcome = runner.run(runId);
      outcome.changedRows().forEach((script, n) -> Metrics.counter("Merge", script).inc(n));
      if (outcome.committed()) {
        out.output(runId);
      } else {
        Metrics.counter("MergeAndCheck", "rolled_back").inc();
        LOG.error(
            "Run {}: data-quality checks failed, MERGE rolled back, final tables unchanged: {}",
            runId,
            outcome.failures().stream()
                .map(CheckResult::toString)
                .collect(Collectors.joining(" | ")));
      }
    }
  }
}
