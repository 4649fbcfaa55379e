package etl.transforms.io;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import etl.transforms.record.DeadLetter;
import etl.transforms.record.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * One record per key: the first read (by source URI, then position) is kept. A later record with
 * the same key and the same content (by {@code content}) is a repeat and is counted as {@code
 * filtered_exact_duplicate}; one with different content becomes a dead letter {@code duplicate_key}
 * naming the kept record's position. Deterministic whatever the order in which a runner delivers
 * the records.
 */
@AutoValue
public abstract class DeduplicateByKey<T extends Origin, K>
    extends PTransform<PCollection<T>, WithFailures.Result<PCollection<T>, DeadLetter>> {
  private static final int SHARDS = 64;

  abstract String getStepName();

  abstract SerializableFunction<T, K> getKey();

  abstract TypeDescriptor<K> getKeyType();

  abstract SerializableFunction<T, ?> getContent();

  abstract Builder<T, K> toBuilder();

  @AutoValue.Builder
  abstract static class Builder<T extends Origin, K> {
    abstract Builder<T, K> setStepName(String stepName);

    abstract Builder<T, K> setKey(SerializableFunction<T, K> key);

    abstract Builder<T, K> setKeyType(TypeDescriptor<K> keyType);

    abstract Builder<T, K> setContent(SerializableFunction<T, ?> content);

    abstract DeduplicateByKey<T, K> build();
  }

  public static <T extends Origin, K> DeduplicateByKey<T, K> of(
      SerializableFunction<T, K> key,
      TypeDescriptor<K> keyType,
      SerializableFunction<T, ?> content) {
    checkArgument(key != null, "of(key, …) called with null key");
    checkArgument(keyType != null, "of(…, keyType, …) called with null keyType");
    checkArgument(content != null, "of(…, content) called with null content");
    return new AutoValue_DeduplicateByKey.Builder<T, K>()
        .setStepName("DeduplicateByKey")
        .setKey(key)
        .setKeyType(keyType)
        .setContent(content)
        .build();
  }

  public DeduplicateByKey<T, K> named(String stepName) {
    checkArgument(stepName != null, "named(stepName) called with null stepName");
    return toBuilder().setStepName(stepName).build();
  }

  @Override
  public String getName() {
    return getStepName();
  }

  @Override
  public WithFailures.Result<PCollection<T>, DeadLetter> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    TupleTag<T> good = new TupleTag<>();
    TupleTag<DeadLetter> failed = new TupleTag<>();
    SerializableFunction<T, K> keyFn = getKey();
    // Records are grouped by a hash of their key into a fixed number of shards, not by key: a
    // group per key costs a bundle per key on the Direct runner (minutes for 45 k links).
    PCollectionTuple out =
        input
            .apply(
                "ShardByKey",
                WithKeys.of((T t) -> Math.floorMod(Objects.hashCode(keyFn.apply(t)), SHARDS))
                    .withKeyType(TypeDescriptors.integers()))
            .setCoder(KvCoder.of(VarIntCoder.of(), coder))
            .apply("GroupShards", GroupByKey.create())
            .apply(
                "KeepFirst",
                ParDo.of(new KeepFirstFn<T, K>(getName(), getKey(), getContent(), good, failed))
                    .withOutputTags(good, TupleTagList.of(failed)));
    return WithFailures.Result.of(
        out.get(good).setCoder(coder),
        out.get(failed).setCoder(DeadLetter.coder(input.getPipeline())));
  }

  private static final class KeepFirstFn<T extends Origin, K>
      extends DoFn<KV<Integer, Iterable<T>>, T> {
    private final String step;
    private final SerializableFunction<T, K> key;
    private final SerializableFunction<T, ?> content;
    private final TupleTag<T> good;
    private final TupleTag<DeadLetter> failed;
    private final Counter repeats;
    private final Counter duplicates;
    private final Counter keptCount;

    KeepFirstFn(
        String step,
        SerializableFunction<T, K> key,
        SerializableFunction<T, ?> content,
        TupleTag<T> good,
        TupleTag<DeadLetter> failed) {
      this.step = step;
      this.key = key;
      this.content = content;
      this.good = good;
      this.failed = failed;
      this.repeats = Metrics.counter(step, "filtered_exact_duplicate");
      this.duplicates = Metrics.counter(step, "dead_letters");
      this.keptCount = Metrics.counter(step, "kept");
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<T>> shard, MultiOutputReceiver out) {
      Map<K, List<T>> byKey = new HashMap<>();
      for (T t : shard.getValue()) {
        byKey.computeIfAbsent(key.apply(t), k -> new ArrayList<>(1)).add(t);
      }
      for (Map.Entry<K, List<T>> group : byKey.entrySet()) {
        keptCount.inc();
        keepFirst(group.getKey(), group.getValue(), out);
      }
    }

    /**
     * Outputs the first record of a key (by source, then position); a later one with the same
     * content is counted, one with other content is a dead letter.
     */
    private void keepFirst(K key, List<T> records, MultiOutputReceiver out) {
      if (records.size() == 1) {
        out.get(good).output(records.get(0));
        return;
      }
      records.sort(Comparator.comparing(Origin::getSource).thenComparingLong(Origin::getLine));
      T kept = records.get(0);
      out.get(good).output(kept);
      Object keptContent = content.apply(kept);
      for (T other : records.subList(1, records.size())) {
        if (Objects.equals(content.apply(other), keptContent)) {
          repeats.inc();
        } else {
          duplicates.inc();
          out.get(failed)
              .output(
                  DeadLetter.create(
                      step,
                      other.getSource(),
                      other.getLine(),
                      "duplicate_key",
                      "key "
                          + key
                          + " was already read at "
                          + kept.getSource()
                          + ":"
                          + kept.getLine()
                          + " with other content; the first is kept",
                      other.toString()));
        }
      }
    }
  }
}
