package etl.transforms.parse;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * A check or lookup applied to a parsed record, possibly against side inputs (e.g. "the movie must
 * be in the metadata"): returns the record to keep (possibly enriched) or throws {@link Rejected}
 * with a reason code. Applied as a step of its own by {@link ApplyRule}, or inside another step's
 * DoFn (the bulk load, which reads, parses, checks and copies in one step), with the same outcome;
 * so it must be a plain function of the record and the side inputs.
 */
public interface RecordRule<T> extends Serializable {
  T apply(T record, SideInputs sideInputs) throws Rejected;

  /** The side inputs {@link #apply} reads. */
  List<PCollectionView<?>> sideInputs();

  /** The counter of records the rule keeps (its step also counts {@code dead_letters}). */
  default String keptCounter() {
    return "kept";
  }

  /** The record as a dead letter's raw text, when the rule rejects it. */
  default String raw(T record) {
    return String.valueOf(record);
  }

  /** Access to a side input's value, materialized once per DoFn instance. */
  interface SideInputs {
    <V> V get(PCollectionView<V> view);

    /**
     * Reads every view once (with {@code read}, e.g. {@code view -> c.sideInput(view)}) and serves
     * the values from then on: side inputs are fixed for a batch run's global window, and reading
     * them per element rebuilds the map on some runners.
     */
    static SideInputs materialize(
        List<PCollectionView<?>> views,
        java.util.function.Function<PCollectionView<?>, Object> read) {
      java.util.Map<PCollectionView<?>, Object> values = new java.util.HashMap<>();
      for (PCollectionView<?> view : views) {
        values.put(view, read.apply(view));
      }
      return new SideInputs() {
        @Override
        @SuppressWarnings("unchecked")
        public <V> V get(PCollectionView<V> view) {
          return (V) values.get(view);
        }
      };
    }
  }
}
