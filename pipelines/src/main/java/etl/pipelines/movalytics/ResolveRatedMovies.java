package etl.pipelines.movalytics;

import etl.transforms.parse.RecordRule;
import etl.transforms.parse.Rejected;
import etl.transforms.record.DeadLetter;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Ratings → links → movies, with both small tables as side inputs (no shuffle of the ratings).
 *
 * <p>Input: ratings by MovieLens id. Output: the same ratings with {@code movie_id} set to the TMDB
 * id, and dead letters: {@code unknown_movie} (the MovieLens id is not in links.csv), {@code
 * no_tmdb_id} (its link has no TMDB id), {@code movie_not_in_metadata} (the TMDB id is not among
 * the loaded movies). The lookup itself is {@link Rule}, which the bulk path applies in place.
 */
public final class ResolveRatedMovies
    extends PTransform<PCollection<Rating>, WithFailures.Result<PCollection<Rating>, DeadLetter>> {
  static final String STEP = "ResolveRatedMovies";

  /** Value in the links view for a link without a TMDB id (side-input maps hold no nulls). */
  static final long NO_TMDB_ID = -1L;

  private final Rule rule;

  ResolveRatedMovies(
      PCollectionView<Map<Long, Long>> links, PCollectionView<Map<Long, Boolean>> movies) {
    super(STEP);
    this.rule = new Rule(links, movies);
  }

  Rule rule() {
    return rule;
  }

  /** The lookup: a rating with its TMDB id, or a rejection with the reason. */
  static final class Rule implements RecordRule<Rating> {
    private final PCollectionView<Map<Long, Long>> links;
    private final PCollectionView<Map<Long, Boolean>> movies;

    Rule(PCollectionView<Map<Long, Long>> links, PCollectionView<Map<Long, Boolean>> movies) {
      this.links = links;
      this.movies = movies;
    }

    @Override
    public Rating apply(Rating r, SideInputs in) throws Rejected {
      Long tmdb = in.get(links).get(r.getMovielensId());
      if (tmdb == null) {
        throw new Rejected(
            "unknown_movie", "MovieLens movieId " + r.getMovielensId() + " is not in links.csv");
      }
      if (tmdb == NO_TMDB_ID) {
        throw new Rejected(
            "no_tmdb_id",
            "MovieLens movieId " + r.getMovielensId() + " has no TMDB id in links.csv");
      }
      if (!in.get(movies).containsKey(tmdb)) {
        throw new Rejected(
            "movie_not_in_metadata",
            "TMDB id "
                + tmdb
                + " (MovieLens "
                + r.getMovielensId()
                + ") is not in movies_metadata.csv");
      }
      return r.toBuilder().setMovieId(tmdb).build();
    }

    @Override
    public List<PCollectionView<?>> sideInputs() {
      return List.of(links, movies);
    }

    @Override
    public String keptCounter() {
      return "resolved";
    }
  }

  @Override
  public WithFailures.Result<PCollection<Rating>, DeadLetter> expand(PCollection<Rating> ratings) {
    TupleTag<Rating> good = new TupleTag<>();
    TupleTag<DeadLetter> failed = new TupleTag<>();
    PCollectionTuple out =
        ratings.apply(
            "LookUpLinksAndMovies",
            ParDo.of(new ResolveFn(getName(), rule, good, failed))
                .withSideInputs(rule.sideInputs())
                .withOutputTags(good, TupleTagList.of(failed)));
    return WithFailures.Result.of(
        out.get(good).setCoder(ratings.getCoder()),
        out.get(failed).setCoder(DeadLetter.coder(ratings.getPipeline())));
  }

  private static final class ResolveFn extends DoFn<Rating, Rating> {
    private final String step;
    private final Rule rule;
    private final TupleTag<Rating> good;
    private final TupleTag<DeadLetter> failed;
    private final Counter resolved;
    private final Counter deadLetters;
    private transient RecordRule.SideInputs sideInputs;
    private transient long resolvedCount;
    private transient long deadLetterCount;

    ResolveFn(String step, Rule rule, TupleTag<Rating> good, TupleTag<DeadLetter> failed) {
      this.step = step;
      this.rule = rule;
      this.good = good;
      this.failed = failed;
      this.resolved = Metrics.counter(step, "resolved");
      this.deadLetters = Metrics.counter(step, "dead_letters");
    }

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
      if (sideInputs == null) {
        sideInputs =
            RecordRule.SideInputs.materialize(rule.sideInputs(), view -> c.sideInput(view));
      }
      Rating r = c.element();
      try {
        Rating resolvedRating = rule.apply(r, sideInputs);
        resolvedCount++;
        c.output(good, resolvedRating);
      } catch (Rejected e) {
        deadLetterCount++;
        c.output(
            failed,
            new DeadLetter(
                step,
                r.getSource(),
                r.getLine(),
                e.reason(),
                e.getMessage(),
                r.getUserId()
                    + ","
                    + r.getMovielensId()
                    + ","
                    + r.getRating()
                    + ","
                    + r.getRatedAt().getMillis() / 1000));
      }
    }
  }
}
