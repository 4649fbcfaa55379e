package etl.transforms.parse;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import etl.transforms.record.DeadLetter;
import etl.transforms.record.Origin;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Applies a {@link RecordRule} (a check or a lookup against side inputs) to every record: the kept
 * records, possibly enriched, and the rejected ones as dead letters with the rule's reason — never
 * dropped. The same rule runs inside the bulk path ({@code BulkLoad}), with the same outcome.
 *
 * <p>Counters, in the namespace of the step's name: the rule's kept counter and {@code
 * dead_letters}.
 */
@AutoValue
public abstract class ApplyRule<T extends Origin>
    extends PTransform<PCollection<T>, WithFailures.Result<PCollection<T>, DeadLetter>> {
  abstract RecordRule<T> getRule();

  abstract String getStepName();

  public static <T extends Origin> ApplyRule<T> of(RecordRule<T> rule, String stepName) {
    checkArgument(rule != null, "of(rule, …): the rule is required");
    checkArgument(stepName != null, "of(…, stepName): the step name is required");
    return new AutoValue_ApplyRule<>(rule, stepName);
  }

  @Override
  public String getName() {
    return getStepName();
  }

  @Override
  public WithFailures.Result<PCollection<T>, DeadLetter> expand(PCollection<T> input) {
    TupleTag<T> good = new TupleTag<>();
    TupleTag<DeadLetter> failed = new TupleTag<>();
    PCollectionTuple out =
        input.apply(
            "Apply",
            ParDo.of(new ApplyFn<>(getStepName(), getRule(), good, failed))
                .withSideInputs(getRule().sideInputs())
                .withOutputTags(good, TupleTagList.of(failed)));
    return WithFailures.Result.of(
        out.get(good).setCoder(input.getCoder()),
        out.get(failed).setCoder(DeadLetter.coder(input.getPipeline())));
  }

  private static final class ApplyFn<T extends Origin> extends DoFn<T, T> {
    private final String step;
    private final RecordRule<T> rule;
    private final TupleTag<T> good;
    private final TupleTag<DeadLetter> failed;
    private final Counter kept;
    private final Counter deadLetters;
    // Side inputs are fixed for a batch run: read once per DoFn instance, not once per element.
    private transient RecordRule.SideInputs sideInputs;
    private transient long keptCount;
    private transient long deadLetterCount;

    ApplyFn(String step, RecordRule<T> rule, TupleTag<T> good, TupleTag<DeadLetter> failed) {
      this.step = step;
      this.rule = rule;
      this.good = good;
      this.failed = failed;
      this.kept = Metrics.counter(step, rule.keptCounter());
      this.deadLetters = Metrics.counter(step, "dead_letters");
    }

    @StartBundle
    public void startBundle() {
      keptCount = 0;
      deadLetterCount = 0;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (sideInputs == null) {
        sideInputs = RecordRule.SideInputs.materialize(rule.sideInputs(), c::sideInput);
      }
      T record = c.element();
      try {
        T kept = rule.apply(record, sideInputs);
        keptCount++;
        c.output(good, kept);
      } catch (Rejected e) {
        deadLetterCount++;
        c.output(
            failed,
            DeadLetter.create(
                step,
                record.getSource(),
                record.getLine(),
                e.reason(),
                e.getMessage(),
                rule.raw(record)));
      }
    }

    @FinishBundle
    public void finishBundle() {
      kept.inc(keptCount);
      deadLetters.inc(deadLetterCount);
    }
  }
}
