package etl.transforms.io;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import etl.transforms.record.DeadLetter;
import etl.transforms.record.Origin;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * A join against a small keyed side input (e.g. the ids of the loaded movies): records whose key is
 * in the map pass; the others become dead letters with the given reason — never dropped. No shuffle
 * of the (possibly large) input.
 */
@AutoValue
public abstract class KeepKnownKeys<T extends Origin, K>
    extends PTransform<PCollection<T>, WithFailures.Result<PCollection<T>, DeadLetter>> {
  abstract String getStepName();

  abstract SerializableFunction<T, K> getKey();

  abstract PCollectionView<Map<K, Boolean>> getKnown();

  abstract String getReason();

  abstract String getWhat();

  abstract Builder<T, K> toBuilder();

  @AutoValue.Builder
  abstract static class Builder<T extends Origin, K> {
    abstract Builder<T, K> setStepName(String stepName);

    abstract Builder<T, K> setKey(SerializableFunction<T, K> key);

    abstract Builder<T, K> setKnown(PCollectionView<Map<K, Boolean>> known);

    abstract Builder<T, K> setReason(String reason);

    abstract Builder<T, K> setWhat(String what);

    abstract KeepKnownKeys<T, K> build();
  }

  /**
   * @param what how the message names the missing thing, e.g. "movie id" → "movie id 42 is not in
   *     …"
   */
  public static <T extends Origin, K> KeepKnownKeys<T, K> of(
      SerializableFunction<T, K> key,
      PCollectionView<Map<K, Boolean>> known,
      String reason,
      String what) {
    checkArgument(key != null, "of(key, …) called with null key");
    checkArgument(known != null, "of(…, known, …) called with null known");
    return new AutoValue_KeepKnownKeys.Builder<T, K>()
        .setStepName("KeepKnownKeys")
        .setKey(key)
        .setKnown(known)
        .setReason(reason)
        .setWhat(what)
        .build();
  }

  public KeepKnownKeys<T, K> named(String stepName) {
    checkArgument(stepName != null, "named(stepName) called with null stepName");
    return toBuilder().setStepName(stepName).build();
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
            "LookUp",
            ParDo.of(
                    new LookUpFn<>(
                        getName(), getKey(), getKnown(), getReason(), getWhat(), good, failed))
                .withSideInputs(getKnown())
                .withOutputTags(good, TupleTagList.of(failed)));
    return WithFailures.Result.of(
        out.get(good).setCoder(input.getCoder()),
        out.get(failed).setCoder(DeadLetter.coder(input.getPipeline())));
  }

  private static final class LookUpFn<T extends Origin, K> extends DoFn<T, T> {
    private final String step;
    private final SerializableFunction<T, K> key;
    private final PCollectionView<Map<K, Boolean>> known;
    private final String reason;
    private final String what;
    private final TupleTag<T> good;
    private final TupleTag<DeadLetter> failed;
    private final Counter misses;

    LookUpFn(
        String step,
        SerializableFunction<T, K> key,
        PCollectionView<Map<K, Boolean>> known,
        String reason,
        String what,
        TupleTag<T> good,
        TupleTag<DeadLetter> failed) {
      this.step = step;
      this.key = key;
      this.known = known;
      this.reason = reason;
      this.what = what;
      this.good = good;
      this.failed = failed;
      this.misses = Metrics.counter(step, "dead_letters");
      this.kept = Metrics.counter(step, "kept");
    }

    private final Counter kept;

    // Fixed for the whole batch run: materialized once per DoFn instance, not once per element.
    private transient Map<K, Boolean> knownMap;

    @ProcessElement
    public void process(ProcessContext c) {
      if (knownMap == null) {
        knownMap = c.sideInput(known);
      }
      T record = c.element();
      K k = key.apply(record);
      if (knownMap.containsKey(k)) {
        kept.inc();
        c.output(good, record);
      } else {
        misses.inc();
        c.output(
            failed,
            new DeadLetter(
                step,
                record.originSource(),
                record.originPosition(),
                reason,
                what + " " + k + " is not loaded",
                record.toString()));
      }
    }
  }
}
