package etl.transforms.io;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import etl.transforms.jdbc.StageRows;
import etl.transforms.parse.RecordParser;
import etl.transforms.parse.RecordRule;
import etl.transforms.record.DeadLetter;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The bulk path for a very large line source (Movalytics' 26 M ratings): the file is read in byte
 * ranges as by {@link ReadFiles#splittable}, and inside the same DoFn each line is parsed, checked
 * by an optional {@link RecordRule} and streamed into its staging table by COPY. The good records
 * never become PCollection elements.
 *
 * <p>Why: the step-by-step path (read → parse → rule → stage, each with good and failed outputs)
 * hands every record from step to step through the runner. At 26 M records that bookkeeping was 70
 * % of the run: the Direct runner keeps every bundle's output in memory (6 GB at 2.6 M ratings),
 * and Spark's runner persists the output of every step with two outputs.
 *
 * <p>Same results as the step-by-step path: the same staging rows, the same dead letters with the
 * same steps and reasons (a rule's dead letter carries the original line as its raw text), and the
 * same counters under the same step names. Output: the dead letters; the completion of that
 * PCollection also means every range is staged (each bundle's COPY ends in its FinishBundle).
 *
 * <p>Only for {@link StageRows.LoadMethod#COPY}; {@link #supports} says whether a staging writer
 * qualifies, and callers take the step-by-step path otherwise.
 */
@AutoValue
public abstract class BulkLoad<T> extends PTransform<PBegin, PCollection<DeadLetter>> {
  abstract ReadFiles getRead();

  abstract RecordParser<T> getParser();

  abstract Class<T> getType();

  abstract String getParseStep();

  abstract @Nullable RecordRule<T> getRule();

  abstract @Nullable String getRuleStep();

  abstract @Nullable StageRows<T> getStage();

  abstract Builder<T> toBuilder();

  @AutoValue.Builder
  abstract static class Builder<T> {
    abstract Builder<T> setRead(ReadFiles read);

    abstract Builder<T> setParser(RecordParser<T> parser);

    abstract Builder<T> setType(Class<T> type);

    abstract Builder<T> setParseStep(String parseStep);

    abstract Builder<T> setRule(@Nullable RecordRule<T> rule);

    abstract Builder<T> setRuleStep(@Nullable String ruleStep);

    abstract Builder<T> setStage(@Nullable StageRows<T> stage);

    abstract BulkLoad<T> build();
  }

  /**
   * Reads with {@code read} (a splittable line reader) and parses each line with {@code parser}.
   */
  public static <T> BulkLoad<T> of(
      ReadFiles read, RecordParser<T> parser, Class<T> type, String parseStep) {
    checkArgument(
        read != null && read.isSplittableLines(),
        "BulkLoad reads lines in byte ranges: use ReadFiles.lines(…).splittable(…)");
    checkArgument(parser != null, "of(read, parser, …) called with null parser");
    checkArgument(type != null, "of(…, type, …) called with null type");
    checkArgument(parseStep != null, "of(…, parseStep) called with null parseStep");
    return new AutoValue_BulkLoad.Builder<T>()
        .setRead(read)
        .setParser(parser)
        .setType(type)
        .setParseStep(parseStep)
        .build();
  }

  /** Applies {@code rule} to every parsed record; its failures are dead letters of {@code step}. */
  public BulkLoad<T> checkedBy(RecordRule<T> rule, String step) {
    checkArgument(rule != null, "checkedBy(rule, step) called with null rule");
    checkArgument(step != null, "checkedBy(rule, step) called with null step");
    return toBuilder().setRule(rule).setRuleStep(step).build();
  }

  /** Stages the kept records with {@code stage}, which must use COPY (see {@link #supports}). */
  public BulkLoad<T> stagedBy(StageRows<T> stage) {
    checkArgument(stage != null, "stagedBy(stage) called with null stage");
    checkArgument(
        supports(stage),
        "BulkLoad stages by COPY only; %s uses %s",
        stage.table(),
        stage.loadMethod());
    return toBuilder().setStage(stage).build();
  }

  public static boolean supports(StageRows<?> stage) {
    return stage.loadMethod() == StageRows.LoadMethod.COPY;
  }

  @Override
  public PCollection<DeadLetter> expand(PBegin input) {
    checkArgument(getStage() != null, "stagedBy() is required");
    StageRows<T> stage = getStage();
    Class<T> type = getType();
    RecordRule<T> rule = getRule();
    Schema schema;
    SerializableFunction<T, Row> toRow;
    try {
      schema = input.getPipeline().getSchemaRegistry().getSchema(type);
      toRow = input.getPipeline().getSchemaRegistry().getToRowFunction(type);
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException("BulkLoad needs a Beam schema for " + type.getName(), e);
    }
    BulkLoadFn<T> load =
        new BulkLoadFn<>(
            getRead().rangeReader(),
            getParser(),
            getParseStep(),
            rule,
            getRuleStep(),
            toRow,
            stage.bulkWriter(schema));
    ParDo.SingleOutput<FileRanges.Range, DeadLetter> parDo = ParDo.of(load);
    if (rule != null) {
      parDo = parDo.withSideInputs(rule.sideInputs());
    }
    return getRead()
        .ranges(input)
        .apply("ParseCheckAndStage", parDo)
        .setCoder(ReadFiles.schemaCoder(input, DeadLetter.class));
  }
}
