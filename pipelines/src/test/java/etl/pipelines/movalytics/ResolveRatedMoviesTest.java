package etl.pipelines.movalytics;

import etl.transforms.parse.ApplyRule;
import etl.transforms.record.DeadLetter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

public class ResolveRatedMoviesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static final String FILE = "ratings.csv";
  private static final long SECONDS = 1_260_759_144L;

  private static Rating rating(long line, long userId, long movielensId, String stars) {
    return Rating.builder()
        .setSource(FILE)
        .setLine(line)
        .setUserId(userId)
        .setMovielensId(movielensId)
        .setRating(new BigDecimal(stars))
        .setRatedAt(new Instant(SECONDS * 1000))
        .build();
  }

  private static DeadLetter deadLetter(long line, String reason, String message, String raw) {
    return DeadLetter.create(ResolveRatedMovies.STEP, FILE, line, reason, message, raw);
  }

  @Test
  public void resolvesKnownMoviesAndDeadLettersEveryOtherRatingWithItsReason() {
    // links.csv: MovieLens 1 → TMDB 862, MovieLens 2 has no TMDB id, MovieLens 3 → TMDB 5555;
    // movies_metadata.csv holds 862 only.
    PCollectionView<Map<Long, Long>> links =
        p.apply(
                "Links",
                Create.of(
                    KV.of(1L, 862L), KV.of(2L, ResolveRatedMovies.NO_TMDB_ID), KV.of(3L, 5555L)))
            .apply("LinkView", View.asMap());
    PCollectionView<Map<Long, Boolean>> movies =
        p.apply("Movies", Create.of(KV.of(862L, true))).apply("MovieView", View.asMap());
    Rating known = rating(2, 7, 1, "4.5");
    Rating unknownLink = rating(3, 7, 99, "3.0");
    Rating linkWithoutTmdb = rating(4, 8, 2, "2.5");
    Rating tmdbNotInMetadata = rating(5, 8, 3, "5.0");

    WithFailures.Result<PCollection<Rating>, DeadLetter> out =
        p.apply(
                "Ratings",
                Create.of(List.of(known, unknownLink, linkWithoutTmdb, tmdbNotInMetadata))
                    .withType(TypeDescriptor.of(Rating.class)))
            .apply(ApplyRule.of(new ResolveRatedMovies(links, movies), ResolveRatedMovies.STEP));

    PAssert.that(out.output()).containsInAnyOrder(known.toBuilder().setMovieId(862L).build());
    PAssert.that(out.failures())
        .containsInAnyOrder(
            deadLetter(
                3,
                "unknown_movie",
                "MovieLens movieId 99 is not in links.csv",
                "7,99,3.0," + SECONDS),
            deadLetter(
                4,
                "no_tmdb_id",
                "MovieLens movieId 2 has no TMDB id in links.csv",
                "8,2,2.5," + SECONDS),
            deadLetter(
                5,
                "movie_not_in_metadata",
                "TMDB id 5555 (MovieLens 3) is not in movies_metadata.csv",
                "8,3,5.0," + SECONDS));
    p.run();
  }
}
