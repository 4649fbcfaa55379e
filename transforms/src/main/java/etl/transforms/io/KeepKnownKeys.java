package etl.transforms.io;

import static java.util.Objects.requireNonNull;

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
public final class KeepKnownKeys<T extends Origin, K>
    extends PTransform<PCollection<T>, WithFailures.Result<PCollection<T>, DeadLetter>> {
  private final SerializableFunction<T, K> key;
  private final PCollectionView<Map<K, Boolean>> known;
  private final String reason;
  private final String what;

  private KeepKnownKeys(
      String name,
      SerializableFunction<T, K> key,
      PCollectionView<Map<K, Boolean>> known,
      String reason,
      String what) {
    super(name);
    this.key = key;
    this.known = known;
    this.reason = reason;
    this.what = what;
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
    return new KeepKnownKeys<>(
        "KeepKnownKeys", requireNonNull(key), requireNonNull(known), reason, what);
  }

  public KeepKnownKeys<T, K> named(String stepName) {
    return new KeepKnownKeys<>(stepName, key, known, reason, what);
  }

  @Override
  public WithFailures.Result<PCollection<T>, DeadLetter> expand(PCollection<T> input) {
    TupleTag<T> good = new TupleTag<>();
    TupleTag<DeadLetter> failed = new TupleTag<>();
    PCollectionTuple out =
        input.apply(
            "LookUp",
            ParDo.of(new LookUpFn<>(getName(), key, known, reason, what, good, failed))
                .withSideInputs(known)
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
