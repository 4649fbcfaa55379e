package etl.transforms.parse;

import etl.transforms.record.Origin;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * A join against a small keyed side input (e.g. the ids of the loaded movies), as a rule for {@link
 * ApplyRule}: records whose key is in the map are kept; the others are rejected with the given
 * reason, and become dead letters — never dropped. No shuffle of the (possibly large) input.
 */
public final class KnownKeys<T extends Origin, K> implements RecordRule<T> {
  private final SerializableFunction<T, K> key;
  private final PCollectionView<Map<K, Boolean>> known;
  private final String reason;
  private final String what;

  private KnownKeys(
      SerializableFunction<T, K> key,
      PCollectionView<Map<K, Boolean>> known,
      String reason,
      String what) {
    this.key = key;
    this.known = known;
    this.reason = reason;
    this.what = what;
  }

  /**
   * @param what how the message names the missing thing, e.g. "movie id" → "movie id 42 is not
   *     loaded"
   */
  public static <T extends Origin, K> KnownKeys<T, K> of(
      SerializableFunction<T, K> key,
      PCollectionView<Map<K, Boolean>> known,
      String reason,
      String what) {
    if (key == null || known == null || reason == null || what == null) {
      throw new IllegalArgumentException(
          "KnownKeys.of(key, known, reason, what): none may be null");
    }
    return new KnownKeys<>(key, known, reason, what);
  }

  @Override
  public T apply(T record, SideInputs sideInputs) throws Rejected {
    K k = key.apply(record);
    if (!sideInputs.get(known).containsKey(k)) {
      throw new Rejected(reason, what + " " + k + " is not loaded");
    }
    return record;
  }

  @Override
  public List<PCollectionView<?>> sideInputs() {
    return List.of(known);
  }
}
