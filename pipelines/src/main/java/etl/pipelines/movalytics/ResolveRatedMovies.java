package etl.pipelines.movalytics;

import etl.transforms.parse.RecordRule;
import etl.transforms.parse.Rejected;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Ratings → links → movies, with both small tables as side inputs (no shuffle of the ratings): the
 * rule of the ratings source's {@value #STEP} step, applied record by record by the bulk path or by
 * {@code ApplyRule}.
 *
 * <p>A rating by MovieLens id comes back with {@code movie_id} set to the TMDB id, or is rejected:
 * {@code unknown_movie} (the MovieLens id is not in links.csv), {@code no_tmdb_id} (its link has no
 * TMDB id), {@code movie_not_in_metadata} (the TMDB id is not among the loaded movies).
 */
final class ResolveRatedMovies implements RecordRule<Rating> {
  static final String STEP = "ResolveRatedMovies";

  /** Value in the links view for a link without a TMDB id (side-input maps hold no nulls). */
  static final long NO_TMDB_ID = -1L;

  private final PCollectionView<Map<Long, Long>> links;
  private final PCollectionView<Map<Long, Boolean>> movies;

  ResolveRatedMovies(
      PCollectionView<Map<Long, Long>> links, PCollectionView<Map<Long, Boolean>> movies) {
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
          "no_tmdb_id", "MovieLens movieId " + r.getMovielensId() + " has no TMDB id in links.csv");
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

  /** The rating as its line read (user, movie, rating, seconds). */
  @Override
  public String raw(Rating r) {
    return r.getUserId()
        + ","
        + r.getMovielensId()
        + ","
        + r.getRating()
        + ","
        + r.getRatedAt().getMillis() / 1000;
  }
}
