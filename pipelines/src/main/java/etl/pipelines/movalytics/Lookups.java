package etl.pipelines.movalytics;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/** The small lookups the other sources are resolved against, as side inputs. */
final class Lookups {
  private Lookups() {}

  /** The ids of the loaded movies. */
  static PCollectionView<Map<Long, Boolean>> movieIds(PCollection<MovieRecord> movies) {
    return movies
        .apply(
            "KeyMovieIds",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.booleans()))
                .via(m -> KV.of(m.getMovieId(), true)))
        .apply("MovieIdView", View.asMap());
  }

  /** MovieLens id → TMDB id ({@link ResolveRatedMovies#NO_TMDB_ID} when the link has none). */
  static PCollectionView<Map<Long, Long>> tmdbIds(PCollection<Link> links) {
    return links
        .apply(
            "KeyLinks",
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.longs()))
                .via(
                    l ->
                        KV.of(
                            l.getMovielensId(),
                            l.getTmdbId() == null ? ResolveRatedMovies.NO_TMDB_ID : l.getTmdbId())))
        .apply("LinkView", View.asMap());
  }

  /** "YYYY-MM" → the CPI of that month. */
  static PCollectionView<Map<String, BigDecimal>> cpiByMonth(PCollection<CpiMonth> cpi) {
    return cpi.apply(
            "KeyCpiByMonth",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(), TypeDescriptor.of(BigDecimal.class)))
                .via(m -> KV.of(AdjustRevenueForCpi.month(m.getMonthStart()), m.getCpi())))
        .apply("CpiView", View.asMap());
  }
}
