package etl.pipelines.core;

import etl.transforms.parse.RecordRule;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a {@link Source} is read against, known only once the pipeline is being built: the
 * collections to read after, the known keys its {@link Source.KnownKeys} step looks up, the rule
 * its {@link Source#check} step applies.
 */
public record Join<T>(
    List<PCollection<?>> after,
    @Nullable PCollectionView<Map<Long, Boolean>> known,
    @Nullable RecordRule<T> rule) {

  public static <T> Join<T> none() {
    return new Join<>(List.of(), null, null);
  }

  /** Read once these are computed (e.g. the lookups the records are resolved against). */
  public static <T> Join<T> after(PCollection<?>... signals) {
    return new Join<>(List.of(signals), null, null);
  }

  public Join<T> known(PCollectionView<Map<Long, Boolean>> keys) {
    return new Join<>(after, keys, rule);
  }

  public Join<T> rule(RecordRule<T> check) {
    return new Join<>(after, known, check);
  }
}
