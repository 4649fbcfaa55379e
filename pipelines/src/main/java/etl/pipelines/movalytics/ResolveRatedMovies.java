package etl.pipelines.movalytics;

import etl.transforms.io.DeadLetter;
import etl.transforms.io.Routed;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Ratings → links → movies, with both small tables as side inputs (no shuffle of the ratings).
 *
 * <p>Input: ratings by MovieLens id. Output: the same ratings with {@code movie_id} set to the
 * TMDB id, and dead letters: {@code unknown_movie} (the MovieLens id is not in links.csv), {@code
 * no_tmdb_id} (its link has no TMDB id), {@code movie_not_in_metadata} (the TMDB id is not among
 * the loaded movies).
 */
public final class ResolveRatedMovies extends PTransform<PCollection<Rating>, Routed<Rating>> {
  /** Value in the links view for a link without a TMDB id (side-input maps hold no nulls). */
  static final long NO_TMDB_ID = -1L;

  private final PCollectionView<Map<Long, Long>> links;
  private final PCollectionView<Map<Long, Boolean>> movies;

  ResolveRatedMovies(PCollectionView<Map<Long, Long>> links, PCollectionView<Map<Long, Boolean>> movies) {
    super("ResolveRatedMovies");
    this.links = links;
    this.movies = movies;
  }

  @Override
  public Routed<Rating> expand(PCollection<Rating> ratings) {
    TupleTag<Rating> good = new TupleTag<>();
    TupleTag<DeadLetter> failed = new TupleTag<>();
    PCollectionTuple out =
        ratings.apply(
            "LookUpLinksAndMovies",
            ParDo.of(new ResolveFn(getName(), links, movies, good, failed))
                .withSideInputs(links, movies)
                .withOutputTags(good, TupleTagList.of(failed)));
    return new Routed<>(
        ratings.getPipeline(),
        good,
        out.get(good).setCoder(ratings.getCoder()),
        failed,
        out.get(failed).setCoder(DeadLetter.coder(ratings.getPipeline())));
  }

  private static final class ResolveFn extends DoFn<Rating, Rating> {
    private final String step;
    private final PCollectionView<Map<Long, Long>> links;
    private final PCollectionView<Map<Long, Boolean>> movies;
    private final TupleTag<Rating> good;
    private final TupleTag<DeadLetter> failed;
    private final Counter resolved;
    private final Counter deadLetters;

    ResolveFn(
        String step,
        PCollectionView<Map<Long, Long>> links,
        PCollectionView<Map<Long, Boolean>> movies,
        TupleTag<Rating> good,
        TupleTag<DeadLetter> failed) {
      this.step = step;
      this.links = links;
      this.movies = movies;
      this.good = good;
      this.failed = failed;
      this.resolved = Metrics.counter(step, "resolved");
      this.deadLetters = Metrics.counter(step, "dead_letters");
    }

    // The side inputs are fixed for the whole (batch, global-window) run: materialize each once
    // per DoFn instance instead of once per element, which on some runners rebuilds the map.
    private transient Map<Long, Long> linkMap;
    private transient Map<Long, Boolean> movieMap;

    private transient long resolvedCount;
    private transient long deadLetterCount;

    @StartBundle
    public void startBundle() {
      resolvedCount = deadLetterCount = 0;
    }

    @FinishBundle
    public void finishBundle() {
      resolved.inc(resolvedCount);
      deadLetters.inc(deadLetterCount);
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (linkMap == null) {
        linkMap = c.sideInput(links);
        movieMap = c.sideInput(movies);
      }
      Rating r = c.element();
      Long tmdb = linkMap.get(r.movielensId);
      if (tmdb == null) {
        reject(c, r, "unknown_movie", "MovieLens movieId " + r.movielensId + " is not in links.csv");
      } else if (tmdb == NO_TMDB_ID) {
        reject(c, r, "no_tmdb_id", "MovieLens movieId " + r.movielensId + " has no TMDB id in links.csv");
      } else if (!movieMap.containsKey(tmdb)) {
        reject(c, r, "movie_not_in_metadata", "TMDB id " + tmdb + " (MovieLens " + r.movielensId + ") is not in movies_metadata.csv");
      } else {
        resolvedCount++;
        c.output(good, new Rating(r.source, r.line, r.userId, r.movielensId, tmdb, r.rating, r.ratedAt));
      }
    }

    private void reject(ProcessContext c, Rating r, String reason, String message) {
      deadLetterCount++;
      c.output(
          failed,
          new DeadLetter(step, r.source, r.line, reason, message, r.userId + "," + r.movielensId + "," + r.rating + "," + r.ratedAt.getMillis() / 1000));
    }
  }
}
