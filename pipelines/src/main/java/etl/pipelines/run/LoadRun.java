package etl.pipelines.run;

import etl.pipelines.core.AccountedSource;
import etl.pipelines.core.ConfigException;
import etl.pipelines.core.Errors;
import etl.pipelines.core.JobContext;
import etl.pipelines.core.StagingSink;
import etl.pipelines.core.WarehouseJob;
import etl.pipelines.core.WarehouseOptions;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.merge.MergeRunner;
import etl.transforms.record.DeadLetter;
import etl.transforms.sql.SqlRunner;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollectionList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One load of a warehouse, the same for every warehouse, in five steps (see {@link #run}): prepare,
 * stage, account, publish, summarize. Published tables change only in the publishing transaction,
 * and only when every record of every source is accounted for.
 */
public final class LoadRun<O extends WarehouseOptions> {
  private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);

  private final WarehouseJob<O> job;
  private final O options;
  private final Warehouse warehouse;
  private final String runId;
  private final long started = System.nanoTime();
  private final Progress progress;
  private final FileManifest manifest;
  private Map<String, Map<String, Long>> counters = Map.of();
  private List<Accounting.Balance> balances = List.of();
  private Map<String, Long> mergeMillis = Map.of();
  private Throwable failure;

  private LoadRun(WarehouseJob<O> job, O options, Warehouse warehouse, PrintStream err) {
    this.job = job;
    this.options = options;
    this.warehouse = warehouse;
    this.runId = newRunId(job.name());
    this.progress = Progress.onStderr(err, options.getProgressSeconds());
    this.manifest = new FileManifest(warehouse, job.name(), options.getFullRefresh());
  }

  /** A load that stages into the warehouse by {@code --loadMethod}. */
  public static <O extends WarehouseOptions> RunSummary run(
      WarehouseJob<O> job, O options, Warehouse warehouse, String arguments, PrintStream err) {
    return run(
        job, options, warehouse, arguments, err, id -> new JdbcStagingSink(options, warehouse, id));
  }

  /** A load whose staging writers come from {@code sinks} (given the run id). */
  public static <O extends WarehouseOptions> RunSummary run(
      WarehouseJob<O> job,
      O options,
      Warehouse warehouse,
      String arguments,
      PrintStream err,
      Function<String, StagingSink> sinks) {
    LoadRun<O> load = new LoadRun<>(job, options, warehouse, err);
    // 1. Prepare: the tables exist, earlier runs' staging rows are gone, the run is recorded.
    load.prepare(arguments);
    // 2. Stage: the pipeline reads, parses and stages the selected files; failures go to
    //    etl_dead_letter.
    JobContext staged = load.stage(sinks.apply(load.runId));
    // 3. Account for every record of every source; nothing is published unless all balance.
    boolean balanced = load.failure == null && load.account(staged.sources());
    // 4. Publish: the MERGEs, the file manifest and the checks in one transaction.
    if (balanced) {
      load.publish();
    }
    // 5. Summarize: what the run did, recorded in etl_run.
    return load.summarize();
  }

  private void prepare(String arguments) {
    try {
      WarehouseTables.create(job, warehouse);
      try (Connection c = warehouse.connect()) {
        for (String table : job.stagingTables()) {
          SqlRunner.execute(
              c,
              warehouse
                  .dialect()
                  .script("common", "clear_staging.sql")
                  .withIdentifiers(Map.of("table", table)),
              Map.of());
        }
        SqlRunner.execute(
            c,
            warehouse.dialect().script("common", "run_start.sql"),
            Map.of(
                "run_id",
                runId,
                "pipeline",
                job.name(),
                "arguments",
                arguments,
                "started_at",
                Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC))));
      }
    } catch (SQLException e) {
      throw new ConfigException(
          "Cannot prepare the warehouse at " + warehouse + ": " + e.getMessage(), e);
    }
    LOG.info("Run {} of {} into {}", runId, job.name(), warehouse);
  }

  private JobContext stage(StagingSink sink) {
    Pipeline pipeline = Pipeline.create(options);
    JobContext context = new JobContext(runId, sink, manifest::select);
    job.expand(pipeline, options, context);
    try {
      manifest.record(runId);
    } catch (SQLException e) {
      throw new ConfigException(
          "Cannot record the files of run "
              + runId
              + " in etl_loaded_file: "
              + Errors.firstLine(e.getMessage()),
          e);
    }
    PCollectionList.of(context.deadLetters())
        .apply("CollectDeadLetters", Flatten.pCollections())
        .apply(
            "StageDeadLetters",
            sink.<DeadLetter>stage("etl_dead_letter").withConstant("pipeline", job.name()));
    try {
      if (options.getRunner() == DirectRunner.class) {
        // Returns at once, so that progress can be reported while it runs.
        options.as(DirectOptions.class).setBlockOnRun(false);
      }
      PipelineResult result = pipeline.run();
      PipelineResult.State state = progress.watch(result);
      counters = RunFigures.countersByStep(result.metrics().allMetrics());
      if (state != PipelineResult.State.DONE) {
        failure = new Errors.RunFailed("The pipeline ended " + state);
      }
    } catch (RuntimeException e) {
      progress.done();
      failure = e;
    }
    return context;
  }

  private boolean account(List<AccountedSource> sources) {
    try {
      balances = Accounting.balances(sources, counters, warehouse, runId);
    } catch (SQLException e) {
      failure = e;
      return false;
    }
    if (balances.stream().allMatch(Accounting.Balance::balanced)) {
      return true;
    }
    failure =
        new Errors.RunFailed(
            "Records do not add up, nothing was published: "
                + balances.stream()
                    .filter(b -> !b.balanced())
                    .map(Accounting.Balance::toString)
                    .collect(Collectors.joining("; ")));
    return false;
  }

  private void publish() {
    List<String> published =
        job.finalTables().stream().filter(t -> job.publishes(t, options)).toList();
    try {
      mergeMillis =
          new MergeRunner(
                  warehouse,
                  job.name(),
                  job.stagingTables(),
                  WarehouseTables.merges(
                      job, published, manifest.fullRefresh(), warehouse.dialect()),
                  WarehouseTables.checks(job, published, warehouse.dialect()))
              .withProgress(progress::step)
              .run(runId)
              .millis();
    } catch (SQLException e) {
      failure = e;
    }
  }

  private RunSummary summarize() {
    double seconds = (System.nanoTime() - started) / 1e9;
    RunSummary summary =
        RunFigures.collect(
            job,
            warehouse,
            new RunFigures.Outcome(
                runId, counters, balances, manifest.selections(), mergeMillis, failure, seconds));
    return summary.recorded(RunRecord.write(summary, warehouse));
  }

  static String newRunId(String pipeline) {
    String time =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    return pipeline + "-" + time + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
