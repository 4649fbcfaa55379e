package etl.pipelines.movalytics;

import etl.pipelines.core.Source;
import java.util.Arrays;
import java.util.List;

/**
 * The Movalytics inputs, each declared once (see {@link Source}): the Kaggle files and the CPI
 * series. Ratings, credits and keywords are incremental; movies, links and the CPI are read whole
 * by every run, because the others are resolved against them (and they are small).
 */
final class MovalyticsSources {
  // 16 MiB (~600 k ratings): enough ranges to keep every worker busy to the end; each is one COPY.
  private static final long RATINGS_RANGE_BYTES = 16L << 20;

  static final Source<MovalyticsOptions, MovieRecord> MOVIES =
      Source.<MovalyticsOptions, MovieRecord>builder()
          .setName("movies")
          .setInputName("movie metadata")
          .setStep("Movies")
          .setFile("movies_metadata.csv")
          .setOption(MovalyticsOptions::getMovies)
          .csv(MovieParser.HEADER)
          .setParser(new MovieParser())
          .setType(MovieRecord.class)
          .deduplicate(
              "DeduplicateMovies",
              m -> m.getMovieId(),
              m ->
                  Arrays.asList(
                      m.getImdbId(),
                      m.getTitle(),
                      m.getBudget(),
                      m.getRevenue(),
                      m.getReleaseDate(),
                      m.getGenres()))
          .setStagedIn("s_movie")
          .build();

  static final Source<MovalyticsOptions, CpiMonth> CPI =
      Source.<MovalyticsOptions, CpiMonth>builder()
          .setName("CPI months")
          .setInputName("CPI series")
          .setStep("Cpi")
          .setFile("consumer_price_index.csv")
          .setOption(MovalyticsOptions::getCpi)
          .csv(CpiParser.HEADER)
          .setParser(new CpiParser())
          .setType(CpiMonth.class)
          .deduplicate("DeduplicateCpiMonths", m -> m.getMonthStart().getMillis(), m -> m.getCpi())
          .setStagedIn("s_cpi")
          .build();

  /** Loaded as the lookup from MovieLens to TMDB ids, not staged: counted as the links kept. */
  static final Source<MovalyticsOptions, Link> LINKS =
      Source.<MovalyticsOptions, Link>builder()
          .setName("links")
          .setInputName("links")
          .setStep("Links")
          .setFile("links.csv")
          .setOption(MovalyticsOptions::getLinks)
          .csv(LinkParser.HEADER)
          .setParser(new LinkParser())
          .setType(Link.class)
          .deduplicate("DeduplicateLinks", l -> l.getMovielensId(), l -> l.getTmdbId())
          .build();

  /** The big one (26 M lines): read in byte ranges, in parallel, resolved to TMDB movies. */
  static final Source<MovalyticsOptions, Rating> RATINGS =
      Source.<MovalyticsOptions, Rating>builder()
          .setName("ratings")
          .setInputName("ratings")
          .setStep("Ratings")
          .setFile("ratings.csv")
          .setOption(MovalyticsOptions::getRatings)
          .setHeader(RatingParser.HEADER)
          .setBytesPerRange(RATINGS_RANGE_BYTES)
          .setParser(new RatingParser())
          .setType(Rating.class)
          .setIncremental(true)
          .setCheck(ResolveRatedMovies.STEP)
          .setStagedIn("s_rating")
          .build();

  /** One record per movie fans out to cast and crew rows: counted as the records kept. */
  static final Source<MovalyticsOptions, CreditsRecord> CREDITS =
      Source.<MovalyticsOptions, CreditsRecord>builder()
          .setName("credits")
          .setInputName("credits")
          .setStep("Credits")
          .setFile("credits.csv")
          .setOption(MovalyticsOptions::getCredits)
          .csv(CreditsParser.HEADER)
          .setParser(new CreditsParser())
          .setType(CreditsRecord.class)
          .setIncremental(true)
          .setOptional(true)
          .deduplicate(
              "DeduplicateCredits",
              c -> c.getMovieId(),
              c -> Arrays.asList(c.getCast(), c.getCrew()))
          .keepKnown(
              "KeepCreditsOfKnownMovies", c -> c.getMovieId(), "movie_not_in_metadata", "movie id")
          .build();

  /** One record per movie fans out to keyword rows: counted as the records kept. */
  static final Source<MovalyticsOptions, KeywordsRecord> KEYWORDS =
      Source.<MovalyticsOptions, KeywordsRecord>builder()
          .setName("keywords")
          .setInputName("keywords")
          .setStep("Keywords")
          .setFile("keywords.csv")
          .setOption(MovalyticsOptions::getKeywords)
          .csv(KeywordsParser.HEADER)
          .setParser(new KeywordsParser())
          .setType(KeywordsRecord.class)
          .setIncremental(true)
          .setOptional(true)
          .deduplicate("DeduplicateKeywords", k -> k.getMovieId(), k -> k.getKeywords())
          .keepKnown(
              "KeepKeywordsOfKnownMovies", k -> k.getMovieId(), "movie_not_in_metadata", "movie id")
          .build();

  /** In the order the accounting lists them. */
  static final List<Source<MovalyticsOptions, ?>> ALL =
      List.of(MOVIES, CPI, LINKS, RATINGS, CREDITS, KEYWORDS);

  private MovalyticsSources() {}
}
