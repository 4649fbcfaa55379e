package etl.pipelines.common;

import etl.transforms.check.Check;
import etl.transforms.check.TableDef;
import etl.transforms.jdbc.S3Staging;
import etl.transforms.jdbc.StageRows;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.merge.MergeRunner;
import etl.transforms.record.DeadLetter;
import etl.transforms.sql.SqlRunner;
import etl.transforms.sql.SqlScript;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollectionList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any {@link WarehouseJob} end to end, the same way for every warehouse:
 *
 * <ol>
 *   <li>parse options; check that every required input matches files and that the database answers
 *       (one clear message and exit code 2 otherwise);
 *   <li>start the embedded PostgreSQL unless {@code --jdbcUrl} is given; take the warehouse's run
 *       lock (exit 4 if another run holds it); apply the DDL (idempotent);
 *   <li>record the run in {@code etl_run}; clear staging rows of earlier runs;
 *   <li>select the files of incremental inputs that are new or changed ({@link FileManifest});
 *   <li>run the pipeline: the job's read → parse → stage steps, every failure into {@code
 *       etl_dead_letter}, with progress from its metrics ({@link Progress});
 *   <li>account for every record of every source ({@link Accounting}); only if all balance, MERGE,
 *       mark the run's files loaded and run the checks, in one transaction from the driver ({@link
 *       etl.transforms.merge.MergeRunner});
 *   <li>print and record the summary (and write it as JSON with {@code --summaryJson}); exit 0 only
 *       when the run published and every check passed.
 * </ol>
 *
 * <p>Also the commands that work on a loaded warehouse: {@link #answers}, {@link #check}, {@link
 * #report}, {@link #ddl}.
 */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final Pattern SECRET_ARG =
      Pattern.compile("(?i)^(--[^=]*(password|secret|credential|token|key)[^=]*=).*$");

  /** Exit codes, also in the README. */
  public static final int OK = 0;

  public static final int FAILED = 1;
  public static final int CONFIG_ERROR = 2;
  public static final int CHECKS_FAILED = 3;

  /** Another run of the same warehouse was loading it; this one did nothing. */
  public static final int BUSY = 4;

  /** The bookkeeping tables every warehouse has (DDL in {@code sql/common/<dialect>/ddl/}). */
  public static final List<String> RUN_TABLES =
      List.of("etl_run", "etl_dead_letter", "etl_check_result", "etl_loaded_file");

  private JobRunner() {}

  public static <O extends WarehouseOptions> int run(
      WarehouseJob<O> job, String[] args, PrintStream out, PrintStream err) {
    O options;
    try {
      // The aws2 registrar registers AwsOptions only; S3Options adds --s3ClientFactoryClass & co.
      PipelineOptionsFactory.register(S3Options.class);
      PipelineOptionsFactory.register(job.optionsClass());
      // A bare --help shows this job's options (Beam would list every registered interface).
      String[] effective =
          java.util.Arrays.stream(args)
              .map(a -> a.equals("--help") ? "--help=" + job.optionsClass().getName() : a)
              .toArray(String[]::new);
      options =
          PipelineOptionsFactory.fromArgs(withDirectRunnerDefaults(effective))
              .withValidation()
              .as(job.optionsClass());
    } catch (IllegalArgumentException e) {
      err.println("error: " + firstLine(e.getMessage()));
      err.println("Run with --help=" + job.optionsClass().getName() + " for the options.");
      return CONFIG_ERROR;
    }
    options.setJobName(job.name() + "-" + System.currentTimeMillis());
    O opts = options;
    // What went to stderr, for the summary JSON of a run that never started (exit 2 or 4).
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    PrintStream errAndKept =
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                err.write(b);
                errors.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                err.write(b, off, len);
                errors.write(b, off, len);
              }
            },
            true,
            java.nio.charset.StandardCharsets.UTF_8);
    int code =
        withWarehouse(
            opts,
            errAndKept,
            () -> {
              FileSystems.setDefaultPipelineOptions(opts);
              checkInputs(job.requiredInputs(opts));
            },
            (warehouse, embedded) -> {
              int loaded = load(job, opts, warehouse, args, out, err);
              if (loaded == OK
                  && !job.answers().isEmpty()
                  && opts instanceof AnswerOptions a
                  && a.getAnswersAfterLoad()) {
                AnswersRunner.run(
                    warehouse, job.name(), job.answers(), job.answerParameters(a), a, out);
              }
              if (embedded != null) {
                describeEmbedded(embedded, opts, out);
              }
              return loaded;
            });
    if ((code == CONFIG_ERROR || code == BUSY) && opts.getSummaryJson() != null) {
      try {
        RunSummary.writeNotRunJson(
            Path.of(opts.getSummaryJson()),
            job.name(),
            code == BUSY ? "busy" : "configuration_error",
            code,
            firstLine(
                errors
                    .toString(java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst("^error: ", "")));
      } catch (IOException e) {
        err.println(
            "error: cannot write the summary JSON "
                + opts.getSummaryJson()
                + ": "
                + e.getMessage());
      }
    }
    return code;
  }

  /**
   * The {@code answers} command: runs a warehouse's answer queries against an existing warehouse
   * ({@code --jdbcUrl}, or the embedded one kept in {@code --embeddedDataDir}).
   */
  public static int answers(WarehouseJob<?> job, String[] args, PrintStream out, PrintStream err) {
    return onExistingWarehouse(
        AnswerOptions.class,
        "answers",
        args,
        err,
        (options, warehouse) -> {
          AnswersRunner.run(
              warehouse, job.name(), job.answers(), job.answerParameters(options), options, out);
          return OK;
        });
  }

  /** Work on a warehouse loaded before, with the command's options. */
  private interface ExistingWarehouseWork<T> {
    int run(T options, Warehouse warehouse) throws SQLException, IOException;
  }

  /**
   * Runs a command that works on a warehouse loaded before ({@code answers}, {@code check}, {@code
   * report}): its options must name one ({@code --jdbcUrl} or {@code --embeddedDataDir}).
   */
  private static <T extends ConnectionOptions> int onExistingWarehouse(
      Class<T> type,
      String command,
      String[] args,
      PrintStream err,
      ExistingWarehouseWork<T> work) {
    T options;
    try {
      PipelineOptionsFactory.register(type);
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(type);
    } catch (IllegalArgumentException e) {
      err.println("error: " + firstLine(e.getMessage()));
      return CONFIG_ERROR;
    }
    if (options.getJdbcUrl() == null && options.getEmbeddedDataDir() == null) {
      err.println(
          "error: "
              + command
              + " needs a warehouse: --jdbcUrl=… or --embeddedDataDir=<dir of a kept run>");
      return CONFIG_ERROR;
    }
    if (options.getJdbcUrl() == null
        && !Files.exists(Path.of(options.getEmbeddedDataDir(), "PG_VERSION"))) {
      // Starting the embedded database there would create an empty warehouse, not find one.
      err.println(
          "error: no warehouse is kept in "
              + options.getEmbeddedDataDir()
              + " (--embeddedDataDir names the folder of an earlier load)");
      return CONFIG_ERROR;
    }
    return withWarehouse(
        options, err, () -> {}, (warehouse, embedded) -> work.run(options, warehouse));
  }

  /** The standard checks of these tables, then the job's own. */
  private static List<Check> checks(
      WarehouseJob<?> job, List<TableDef> tables, Warehouse warehouse) {
    List<Check> checks = new ArrayList<>(Check.standard(tables));
    job.customChecks()
        .forEach(
            file -> checks.add(Check.custom(file, warehouse.dialect().script(job.name(), file))));
    return checks;
  }

  /**
   * The {@code check} command: every check of a warehouse against its final tables as they are
   * (run-scoped checks see the latest run's staging rows); records nothing. Exit 3 when any fails.
   */
  public static int check(WarehouseJob<?> job, String[] args, PrintStream out, PrintStream err) {
    return onExistingWarehouse(
        ConnectionOptions.class,
        "check",
        args,
        err,
        (options, warehouse) -> {
          List<Map<String, Object>> latest;
          try (Connection c = warehouse.connect()) {
            latest =
                SqlRunner.queryAll(
                    c,
                    warehouse.dialect().script("common", "latest_run.sql"),
                    Map.of("pipeline", job.name()));
          } catch (SQLException e) {
            throw new ConfigException(
                "No "
                    + job.name()
                    + " warehouse at "
                    + warehouse
                    + " ("
                    + firstLine(e.getMessage())
                    + ")",
                e);
          }
          if (latest.isEmpty()) {
            throw new ConfigException(
                "No " + job.name() + " run has been recorded at " + warehouse + "; load it first");
          }
          String runId = (String) latest.get(0).get("run_id");
          List<etl.transforms.check.CheckResult> results =
              new MergeRunner(
                      warehouse,
                      job.name(),
                      List.of(),
                      List.of(),
                      checks(job, job.finalTables(), warehouse))
                  .check(runId);
          long failed = results.stream().filter(r -> !r.passed()).count();
          out.printf(
              java.util.Locale.ROOT,
              "%s checks at %s (latest run %s): %d of %d passed%n",
              job.name(),
              warehouse,
              runId,
              results.size() - failed,
              results.size());
          for (etl.transforms.check.CheckResult r : results) {
            out.printf(
                java.util.Locale.ROOT,
                "  %-4s %s%s%n",
                r.passed() ? "ok" : "FAIL",
                r.name(),
                r.passed() ? "" : ": " + r.violations() + " violating rows, e.g. " + r.sample());
          }
          out.flush();
          return failed == 0 ? OK : CHECKS_FAILED;
        });
  }

  /**
   * The {@code report} command: one self-contained HTML file, {@code
   * <dir>/<warehouse>-report.html}, with the warehouse's charts and answers and its latest run's
   * dead letters and checks.
   */
  public static int report(
      WarehouseJob<?> job, String[] args, Path dir, PrintStream out, PrintStream err) {
    return onExistingWarehouse(
        AnswerOptions.class,
        "report",
        args,
        err,
        (options, warehouse) -> {
          List<AnswersRunner.Result> results;
          Map<String, Object> run = null;
          List<Map<String, Object>> deadLetters = List.of();
          List<Map<String, Object>> checkResults = List.of();
          try (Connection c = warehouse.connect()) {
            List<Map<String, Object>> latest =
                SqlRunner.queryAll(
                    c,
                    warehouse.dialect().script("common", "latest_run_any.sql"),
                    Map.of("pipeline", job.name()));
            if (latest.isEmpty()) {
              throw new ConfigException(
                  "No "
                      + job.name()
                      + " run has been recorded at "
                      + warehouse
                      + "; load it first");
            }
            run = latest.get(0);
            Map<String, Object> params = Map.of("run_id", run.get("run_id"));
            deadLetters =
                SqlRunner.queryAll(
                    c, warehouse.dialect().script("common", "dead_letters_by_reason.sql"), params);
            checkResults =
                SqlRunner.queryAll(
                    c, warehouse.dialect().script("common", "check_results.sql"), params);
          } catch (SQLException e) {
            throw new ConfigException(
                "No "
                    + job.name()
                    + " warehouse at "
                    + warehouse
                    + " ("
                    + firstLine(e.getMessage())
                    + ")",
                e);
          }
          results =
              AnswersRunner.query(
                  warehouse, job.name(), job.answers(), job.answerParameters(options));
          Path file = dir.resolve(job.name() + "-report.html");
          etl.pipelines.report.HtmlReport.write(
              file,
              job.name(),
              job.charts(),
              results,
              new etl.pipelines.report.HtmlReport.LatestRun(run, deadLetters, checkResults));
          out.println("Report written to " + file.toAbsolutePath());
          return OK;
        });
  }

  /** The {@code ddl} command: every table of a warehouse, bookkeeping first, in a dialect. */
  public static String ddl(WarehouseJob<?> job, etl.transforms.jdbc.Dialect dialect) {
    StringBuilder sql = new StringBuilder();
    sql.append("-- ")
        .append(job.name())
        .append(" warehouse, ")
        .append(dialect.folder())
        .append(" DDL\n\n");
    List<SqlScript> scripts = new ArrayList<>();
    RUN_TABLES.forEach(t -> scripts.add(dialect.script("common", "ddl/" + t + ".sql")));
    job.stagingTables().forEach(t -> scripts.add(dialect.script(job.name(), "ddl/" + t + ".sql")));
    job.finalTables()
        .forEach(t -> scripts.add(dialect.script(job.name(), "ddl/" + t.name() + ".sql")));
    for (SqlScript script : scripts) {
      String text = script.text().strip();
      sql.append(text).append(text.endsWith(";") ? "" : ";").append("\n\n");
    }
    return sql.toString();
  }

  /** Work that needs the warehouse; may fail in the ways {@link #withWarehouse} reports. */
  private interface WarehouseWork {
    int run(Warehouse warehouse, EmbeddedWarehouse embedded)
        throws SQLException, IOException, RunLock.Busy;
  }

  /**
   * Checks first ({@code before}), then starts the embedded database or connects, runs the work and
   * stops the embedded database; every failure becomes one line on stderr and an exit code — never
   * a bare stack trace.
   */
  private static int withWarehouse(
      ConnectionOptions options, PrintStream err, Runnable before, WarehouseWork work) {
    EmbeddedWarehouse embedded = null;
    try {
      before.run();
      embedded = startEmbeddedIfNeeded(options);
      return work.run(warehouse(options, embedded), embedded);
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return CONFIG_ERROR;
    } catch (RunLock.Busy e) {
      err.println("error: " + e.getMessage());
      return BUSY;
    } catch (SQLException | IOException e) {
      err.println("error: " + firstLine(e.getMessage()));
      return FAILED;
    } catch (RuntimeException e) {
      LOG.error("Unexpected failure", e);
      err.println("error: unexpected failure: " + rootMessage(e));
      return FAILED;
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private static EmbeddedWarehouse startEmbeddedIfNeeded(ConnectionOptions options) {
    return options.getJdbcUrl() == null || options.getJdbcUrl().isBlank()
        ? EmbeddedWarehouse.start(options.getEmbeddedDataDir())
        : null;
  }

  private static Warehouse warehouse(ConnectionOptions options, EmbeddedWarehouse embedded) {
    Warehouse warehouse =
        embedded != null
            ? Warehouse.of(embedded.jdbcUrl(), embedded.user(), null)
            : external(options);
    checkConnection(warehouse);
    return warehouse;
  }

  private static <O extends WarehouseOptions> int load(
      WarehouseJob<O> job,
      O options,
      Warehouse warehouse,
      String[] args,
      PrintStream out,
      PrintStream err)
      throws RunLock.Busy {
    RunLock lock;
    try {
      lock = RunLock.acquire(warehouse, job.name());
    } catch (SQLException e) {
      throw new ConfigException(
          "Cannot lock the warehouse at " + warehouse + " for this run: " + e.getMessage(), e);
    }
    try (lock) {
      return loadLocked(job, options, warehouse, args, out, err);
    }
  }

  private static <O extends WarehouseOptions> int loadLocked(
      WarehouseJob<O> job,
      O options,
      Warehouse warehouse,
      String[] args,
      PrintStream out,
      PrintStream err) {
    long started = System.nanoTime();
    String runId = newRunId(job.name());
    try {
      applyDdl(job, warehouse);
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
                "run_id", runId,
                "pipeline", job.name(),
                "arguments", maskSecrets(args),
                "started_at", Timestamp.valueOf(java.time.LocalDateTime.now(ZoneOffset.UTC))));
      }
    } catch (SQLException e) {
      throw new ConfigException(
          "Cannot prepare the warehouse at " + warehouse + ": " + e.getMessage(), e);
    }
    LOG.info("Run {} of {} into {}", runId, job.name(), warehouse);

    Pipeline pipeline = Pipeline.create(options);
    StageRows.LoadMethod method = loadMethod(options, warehouse);
    FileManifest manifest = new FileManifest(warehouse, job.name(), options.getFullRefresh());
    JobContext context =
        new JobContext(
            warehouse, runId, options.getBatchSize(), method, s3Staging(options, method), manifest);
    // Staging is complete when the pipeline is: the MERGE runs after it, from the driver.
    job.expand(pipeline, options, context);
    try {
      manifest.record(runId);
    } catch (SQLException e) {
      throw new ConfigException(
          "Cannot record the files of run "
              + runId
              + " in etl_loaded_file: "
              + firstLine(e.getMessage()),
          e);
    }
    PCollectionList.of(context.deadLetters())
        .apply("CollectDeadLetters", Flatten.pCollections())
        .apply(
            "StageDeadLetters",
            context.<DeadLetter>stage("etl_dead_letter").withConstant("pipeline", job.name()));
    List<TableDef> published = new ArrayList<>();
    job.finalTables().stream()
        .filter(t -> job.publishes(t.name(), options))
        .forEach(published::add);
    List<MergeRunner.Merge> merges = new ArrayList<>();
    if (manifest.fullRefresh()) {
      // Rebuilt from every file: emptied first (facts before the dimensions they reference), in
      // the same transaction as the MERGEs, so readers see the old tables until the commit.
      for (int i = published.size() - 1; i >= 0; i--) {
        String table = published.get(i).name();
        merges.add(
            new MergeRunner.Merge(
                table,
                warehouse
                    .dialect()
                    .script("common", "empty_table.sql")
                    .withIdentifiers(Map.of("table", table))));
      }
      merges.add(
          new MergeRunner.Merge(
              "etl_loaded_file", warehouse.dialect().script("common", "forget_loaded_files.sql")));
    }
    for (TableDef t : published) {
      merges.add(
          new MergeRunner.Merge(
              t.name(), warehouse.dialect().script(job.name(), "merge/" + t.name() + ".sql")));
    }
    // The run's files count as loaded exactly when its rows are published.
    merges.add(
        new MergeRunner.Merge(
            "etl_loaded_file", warehouse.dialect().script("common", "publish_run_files.sql")));
    List<Check> checks = checks(job, published, warehouse);

    // 1. The pipeline reads, parses and stages (the dead letters included).
    Throwable failure = null;
    Map<String, Map<String, Long>> counters = Map.of();
    Progress progress = Progress.onStderr(err, options.getProgressSeconds());
    try {
      if (options.getRunner() == org.apache.beam.runners.direct.DirectRunner.class) {
        // Returns at once, so that progress can be reported while it runs.
        options.as(org.apache.beam.runners.direct.DirectOptions.class).setBlockOnRun(false);
      }
      PipelineResult result = pipeline.run();
      PipelineResult.State state = progress.watch(result);
      counters = RunSummary.countersByStep(result.metrics().allMetrics());
      if (state != PipelineResult.State.DONE) {
        failure = new IllegalStateException("The pipeline ended " + state);
      }
    } catch (RuntimeException e) {
      progress.done();
      failure = e;
    }
    // 2. Every record of every source accounted for, before anything is published.
    List<Accounting.Balance> balances = List.of();
    Map<String, Long> mergeMillis = Map.of();
    if (failure == null) {
      try {
        balances = Accounting.balances(job.sources(options), counters, warehouse, runId);
        if (balances.stream().allMatch(Accounting.Balance::balanced)) {
          // 3. MERGE and check in one transaction, from the driver.
          MergeRunner.Outcome outcome =
              new MergeRunner(warehouse, job.name(), job.stagingTables(), merges, checks)
                  .withProgress(progress::step)
                  .run(runId);
          mergeMillis = outcome.millis();
        } else {
          failure = new AccountingMismatch(balances);
        }
      } catch (SQLException e) {
        failure = e;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    RunSummary summary =
        RunSummary.collect(
            job,
            warehouse,
            runId,
            counters,
            balances,
            manifest.selections(),
            mergeMillis,
            failure,
            seconds);
    String notRecorded = summary.record(warehouse);
    summary.print(out);
    int code;
    if (notRecorded != null) {
      // The outcome above stands; only its bookkeeping row is missing (e.g. the database went
      // away).
      out.println("Not recorded in etl_run: " + notRecorded);
      code = FAILED;
    } else {
      code =
          switch (summary.status()) {
            case "succeeded" -> OK;
            case "failed_checks" -> CHECKS_FAILED;
            default -> FAILED;
          };
    }
    if (options.getSummaryJson() != null) {
      try {
        summary.writeJson(Path.of(options.getSummaryJson()), code, notRecorded);
      } catch (IOException e) {
        out.println(
            "Cannot write the summary JSON " + options.getSummaryJson() + ": " + e.getMessage());
        return FAILED;
      }
    }
    return code;
  }

  /** Some source's records do not add up: the run publishes nothing. */
  static final class AccountingMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AccountingMismatch(List<Accounting.Balance> balances) {
      super(
          "Records do not add up, nothing was published: "
              + balances.stream()
                  .filter(b -> !b.balanced())
                  .map(Accounting.Balance::toString)
                  .collect(java.util.stream.Collectors.joining("; ")));
    }
  }

  private static StageRows.LoadMethod loadMethod(WarehouseOptions options, Warehouse warehouse) {
    String m =
        options.getLoadMethod() == null
            ? "auto"
            : options.getLoadMethod().toLowerCase(java.util.Locale.ROOT);
    switch (m) {
      case "copy":
        if (warehouse.dialect() != etl.transforms.jdbc.Dialect.POSTGRES) {
          throw new ConfigException("--loadMethod=copy needs PostgreSQL");
        }
        return StageRows.LoadMethod.COPY;
      case "jdbc":
        return StageRows.LoadMethod.JDBC;
      case "s3copy":
        if (warehouse.dialect() != etl.transforms.jdbc.Dialect.REDSHIFT) {
          throw new ConfigException(
              "--loadMethod=s3copy loads into Redshift (a jdbc:redshift:// URL)");
        }
        return StageRows.LoadMethod.S3_COPY;
      case "auto":
        if (warehouse.dialect() == etl.transforms.jdbc.Dialect.POSTGRES) {
          return StageRows.LoadMethod.COPY;
        }
        return options.getS3StagingPrefix() != null
            ? StageRows.LoadMethod.S3_COPY
            : StageRows.LoadMethod.JDBC;
      default:
        throw new ConfigException(
            "--loadMethod must be copy, jdbc, s3copy or auto, was " + options.getLoadMethod());
    }
  }

  /** The S3 scratch space and IAM role of {@code --loadMethod=s3copy}; null for other methods. */
  private static S3Staging s3Staging(WarehouseOptions options, StageRows.LoadMethod method) {
    if (method != StageRows.LoadMethod.S3_COPY) {
      return null;
    }
    String region = options.getCopyRegion() != null ? options.getCopyRegion() : awsRegion(options);
    try {
      return S3Staging.of(options.getS3StagingPrefix(), options.getCopyIamRole(), region);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          e.getMessage()
              + " (--loadMethod=s3copy needs --s3StagingPrefix, --copyIamRole and --copyRegion or"
              + " --awsRegion)");
    }
  }

  private static String awsRegion(org.apache.beam.sdk.options.PipelineOptions options) {
    try {
      Object region = options.as(S3Options.class).getAwsRegion();
      return region == null ? null : region.toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void applyDdl(WarehouseJob<?> job, Warehouse warehouse) throws SQLException {
    try (Connection c = warehouse.connect()) {
      for (String t : RUN_TABLES) {
        SqlRunner.execute(c, warehouse.dialect().script("common", "ddl/" + t + ".sql"), Map.of());
      }
      List<String> tables = new ArrayList<>(job.stagingTables());
      job.finalTables().forEach(t -> tables.add(t.name()));
      for (String t : tables) {
        SqlRunner.execute(c, warehouse.dialect().script(job.name(), "ddl/" + t + ".sql"), Map.of());
      }
    }
  }

  private static void checkInputs(Map<String, String> inputs) {
    for (Map.Entry<String, String> input : inputs.entrySet()) {
      List<MatchResult.Metadata> files = Inputs.list(input.getKey(), input.getValue());
      if (files.isEmpty()) {
        throw new ConfigException(
            "No " + input.getKey() + " found at " + input.getValue() + " (check --input)");
      }
      LOG.info("{}: {} files match {}", input.getKey(), files.size(), input.getValue());
    }
  }

  private static Warehouse external(ConnectionOptions options) {
    String password = Passwords.of(options, awsRegion(options));
    try {
      return Warehouse.of(options.getJdbcUrl(), options.getDbUser(), password);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static void checkConnection(Warehouse warehouse) {
    try (Connection c = warehouse.connect()) {
      if (!c.isValid(10)) {
        throw new ConfigException("The database at " + warehouse + " does not answer");
      }
    } catch (SQLException e) {
      throw new ConfigException(
          "Cannot connect to " + warehouse + ": " + firstLine(e.getMessage()), e);
    }
  }

  private static void describeEmbedded(
      EmbeddedWarehouse embedded, ConnectionOptions options, PrintStream out) {
    if (options.getKeepRunning()) {
      out.println();
      out.println("The warehouse is up until Ctrl-C:");
      out.println("  JDBC: " + embedded.jdbcUrl() + "  (user postgres, no password)");
      out.println("  psql: psql -h 127.0.0.1 -p " + embedded.port() + " -U postgres postgres");
      out.flush();
      CountDownLatch forever = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
      try {
        forever.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (embedded.kept()) {
      out.println();
      out.println(
          "Warehouse kept in "
              + embedded.dataDir()
              + "; reuse it with --embeddedDataDir="
              + embedded.dataDir()
              + " (add --keepRunning to query it after a run).");
    }
  }

  /**
   * The Direct runner's immutability and encodability checks catch bugs in tests but make a real
   * load about ten times slower; the CLI turns them off unless told otherwise.
   */
  static String[] withDirectRunnerDefaults(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.replaceAll(a -> a.equals("--full-refresh") ? "--fullRefresh=true" : a);
    if (all.stream().noneMatch(a -> a.startsWith("--enforceImmutability"))) {
      all.add("--enforceImmutability=false");
    }
    if (all.stream().noneMatch(a -> a.startsWith("--enforceEncodability"))) {
      all.add("--enforceEncodability=false");
    }
    return all.toArray(new String[0]);
  }

  static String newRunId(String pipeline) {
    String time =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    return pipeline + "-" + time + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The command line as recorded in etl_run: values of secret-looking options are masked. */
  static String maskSecrets(String[] args) {
    List<String> masked = new ArrayList<>();
    for (String a : args) {
      masked.add(SECRET_ARG.matcher(a).matches() ? SECRET_ARG.matcher(a).replaceFirst("$1***") : a);
    }
    return String.join(" ", masked);
  }

  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    if (t.getMessage() == null) {
      return t.toString();
    }
    boolean selfExplaining = t instanceof SQLException || t instanceof ConfigException;
    return selfExplaining
        ? firstLine(t.getMessage())
        : t.getClass().getSimpleName() + ": " + firstLine(t.getMessage());
  }

  public static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
