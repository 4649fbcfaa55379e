package etl.pipelines.movalytics;

import etl.pipelines.core.AccountedSource;
import etl.pipelines.core.Answer;
import etl.pipelines.core.AnswerOptions;
import etl.pipelines.core.Chart;
import etl.pipelines.core.ConfigException;
import etl.pipelines.core.Inputs;
import etl.pipelines.core.JobContext;
import etl.pipelines.core.WarehouseJob;
import etl.transforms.io.BulkLoad;
import etl.transforms.record.DeadLetter;
import etl.transforms.io.DeduplicateByKey;
import etl.transforms.io.KeepKnownKeys;
import etl.transforms.io.ReadFiles;
import etl.transforms.jdbc.StageRows;
import etl.transforms.parse.ParseRecords;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.transforms.DropFields;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The Movalytics movie warehouse from the Kaggle "The Movies Dataset" files and the FRED CPI for
 * movie admissions. Beam parses every source, de-duplicates movies, links, CPI months, credits and
 * keywords by key, resolves ratings (MovieLens id → links → TMDB id → movies) and credits and
 * keywords against the loaded movies with side inputs, and computes CPI-adjusted revenue with the
 * CPI series as a side input; SQL MERGEs publish the model (README: "Movalytics").
 *
 * <p>Incremental inputs (read only when new or changed): ratings, credits and keywords. Movies,
 * links and the CPI series are read whole by every run: ratings, credits and keywords are resolved
 * against them, and they are small.
 */
public final class MovalyticsJob implements WarehouseJob<MovalyticsOptions> {
  public static final String NAME = "movalytics";
  private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  // 16 MiB (~600 k ratings): enough ranges to keep every worker busy to the end; each is one COPY.
  private static final long RATINGS_RANGE_BYTES = 16L << 20;
  private static final Set<String> FROM_CREDITS = Set.of("d_person", "movie_cast", "movie_crew");
  private static final Set<String> FROM_KEYWORDS = Set.of("d_keyword", "movie_keyword");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Class<MovalyticsOptions> optionsClass() {
    return MovalyticsOptions.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "Load the Movalytics movie warehouse, then print its answers.",
        "Reads movies_metadata.csv, ratings.csv, links.csv, consumer_price_index.csv, and"
            + " credits.csv",
        "and keywords.csv when present, under --input.");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "warehouse-etl movalytics --input=pipelines/samples/movalytics --minRatings=2"
            + " --minVotes=10",
        "warehouse-etl movalytics --input=kaggle --embeddedDataDir=dw --answersDir=answers");
  }

  @Override
  public Map<String, Long> generate(Path dir, double scaleFactor, long seed, double defectRate)
      throws IOException {
    return MovalyticsGenerator.generate(dir, scaleFactor, seed, defectRate);
  }

  private static String or(String given, MovalyticsOptions o, String file) {
    return given != null ? Inputs.absolute(given) : Inputs.under(o.getInput(), file);
  }

  static String movies(MovalyticsOptions o) {
    return or(o.getMovies(), o, "movies_metadata.csv");
  }

  static String ratings(MovalyticsOptions o) {
    return or(o.getRatings(), o, "ratings.csv");
  }

  static String links(MovalyticsOptions o) {
    return or(o.getLinks(), o, "links.csv");
  }

  static String credits(MovalyticsOptions o) {
    return or(o.getCredits(), o, "credits.csv");
  }

  static String keywords(MovalyticsOptions o) {
    return or(o.getKeywords(), o, "keywords.csv");
  }

  static String cpi(MovalyticsOptions o) {
    return or(o.getCpi(), o, "consumer_price_index.csv");
  }

  @Override
  public Map<String, String> requiredInputs(MovalyticsOptions o) {
    if (o.getCpiBaseMonth() != null && !MONTH.matcher(o.getCpiBaseMonth()).matches()) {
      throw new ConfigException("--cpiBaseMonth must be YYYY-MM, was " + o.getCpiBaseMonth());
    }
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("movie metadata", movies(o));
    inputs.put("ratings", ratings(o));
    inputs.put("links", links(o));
    inputs.put("CPI series", cpi(o));
    return inputs;
  }

  /** Whether an optional input is there (checked once, when the pipeline is built). */
  static boolean present(String pattern) {
    return !Inputs.list("an optional input", pattern).isEmpty();
  }

  @Override
  public List<String> stagingTables() {
    return List.of(
        "s_movie",
        "s_movie_genre",
        "s_rating",
        "s_cpi",
        "s_movie_cast",
        "s_movie_crew",
        "s_movie_keyword");
  }

  @Override
  public List<String> finalTables() {
    return List.of(
        "d_cpi",
        "d_date",
        "d_movie",
        "d_genre",
        "movie_genre",
        "f_rating",
        "d_person",
        "movie_cast",
        "movie_crew",
        "d_keyword",
        "movie_keyword");
  }

  @Override
  public boolean publishes(String table, MovalyticsOptions o) {
    if (FROM_CREDITS.contains(table)) {
      return present(credits(o));
    }
    if (FROM_KEYWORDS.contains(table)) {
      return present(keywords(o));
    }
    return true;
  }

  @Override
  public List<AccountedSource> sources(MovalyticsOptions o) {
    List<AccountedSource> sources = new ArrayList<>();
    sources.add(
        AccountedSource.of(
            "movies",
            "ReadMovies",
            List.of("ParseMovies", "DeduplicateMovies"),
            new AccountedSource.Staged("s_movie", List.of("source", "line"))));
    sources.add(
        AccountedSource.of(
            "CPI months",
            "ReadCpi",
            List.of("ParseCpi", "DeduplicateCpiMonths"),
            new AccountedSource.Staged("s_cpi", List.of("source", "line"))));
    // Links are loaded as the lookup from MovieLens to TMDB ids, not staged.
    sources.add(
        AccountedSource.of(
            "links",
            "ReadLinks",
            List.of("ParseLinks", "DeduplicateLinks"),
            new AccountedSource.Counted("DeduplicateLinks", "kept")));
    sources.add(
        AccountedSource.of(
            "ratings",
            "ReadRatings",
            List.of("ParseRatings", ResolveRatedMovies.STEP),
            new AccountedSource.Staged("s_rating", List.of("source", "line"))));
    // One credits or keywords record becomes many staged rows: counted as the records kept.
    if (present(credits(o))) {
      sources.add(
          AccountedSource.of(
              "credits",
              "ReadCredits",
              List.of("ParseCredits", "DeduplicateCredits", "KeepCreditsOfKnownMovies"),
              new AccountedSource.Counted("KeepCreditsOfKnownMovies", "kept")));
    }
    if (present(keywords(o))) {
      sources.add(
          AccountedSource.of(
              "keywords",
              "ReadKeywords",
              List.of("ParseKeywords", "DeduplicateKeywords", "KeepKeywordsOfKnownMovies"),
              new AccountedSource.Counted("KeepKeywordsOfKnownMovies", "kept")));
    }
    return sources;
  }

  @Override
  public Map<String, String> summaryQueries() {
    return Map.of(
        "CPI coverage (movies with revenue and a release date)", "summary/cpi_coverage.sql");
  }

  @Override
  public List<Answer> answers() {
    String dir = "answers/";
    List<Answer> answers = new ArrayList<>();
    for (String[] a :
        new String[][] {
          {
            "1_highest_rated_movies",
            "1. The highest-rated movies of all time (Bayesian weighted rating of user ratings)"
          },
          {
            "1b_highest_rated_movies_tmdb",
            "1b. The highest-rated movies by TMDB votes (Bayesian weighted vote average)"
          },
          {
            "2_most_popular_genres",
            "2. The genres most popular with users (by number of ratings, and by average rating)"
          },
          {
            "3a_box_office_by_release_month",
            "3a. Box office by release month (nominal and CPI-adjusted)"
          },
          {
            "3b_box_office_by_release_quarter",
            "3b. Box office by release quarter (nominal and CPI-adjusted)"
          },
          {"4_highest_earning_genres", "4. The highest-earning genres of all time, CPI-adjusted"}
        }) {
      answers.add(new Answer(a[0], a[1], dir + a[0] + ".sql", dir + a[0] + "_coverage.sql"));
    }
    return answers;
  }

  @Override
  public List<Chart> charts() {
    return List.of(
        Chart.bars(
            "3a_box_office_by_release_month",
            "release_month",
            "Mean revenue per movie (USD)",
            "mean_revenue",
            "mean_revenue_cpi_adjusted"),
        Chart.bars(
            "3b_box_office_by_release_quarter",
            "release_quarter",
            "Mean revenue per movie (USD)",
            "mean_revenue",
            "mean_revenue_cpi_adjusted"),
        Chart.bars("2_most_popular_genres", "genre", "Ratings", "ratings"),
        Chart.bars(
            "4_highest_earning_genres",
            "genre",
            "Total revenue (USD)",
            "total_revenue_cpi_adjusted",
            "total_revenue_nominal"),
        new Chart(
            "1_highest_rated_movies",
            "title",
            List.of("weighted_rating"),
            "Weighted rating (0.5 to 5)",
            10));
  }

  @Override
  public Map<String, Object> answerParameters(AnswerOptions o) {
    return Map.of("min_ratings", o.getMinRatings(), "min_votes", o.getMinVotes());
  }

  @Override
  public List<PCollection<?>> expand(Pipeline p, MovalyticsOptions o, JobContext ctx) {
    List<PCollection<?>> staged = new ArrayList<>();

    PCollection<MovieRecord> movies =
        ctx.keepGood(
            ctx.keepGood(
                    ctx.keepGood(
                            p.apply(
                                ReadFiles.csvRecords(movies(o))
                                    .withHeader(MovieParser.HEADER)
                                    .named("ReadMovies")))
                        .apply(
                            ParseRecords.with(new MovieParser(), MovieRecord.class)
                                .named("ParseMovies")))
                .apply(
                    DeduplicateByKey.<MovieRecord, Long>of(
                            m -> m.getMovieId(),
                            TypeDescriptors.longs(),
                            m ->
                                Arrays.asList(
                                    m.getImdbId(),
                                    m.getTitle(),
                                    m.getBudget(),
                                    m.getRevenue(),
                                    m.getReleaseDate(),
                                    m.getGenres()))
                        .named("DeduplicateMovies")));

    PCollection<CpiMonth> cpi =
        ctx.keepGood(
            ctx.keepGood(
                    ctx.keepGood(
                            p.apply(
                                ReadFiles.csvRecords(cpi(o))
                                    .withHeader(CpiParser.HEADER)
                                    .named("ReadCpi")))
                        .apply(
                            ParseRecords.with(new CpiParser(), CpiMonth.class).named("ParseCpi")))
                .apply(
                    DeduplicateByKey.<CpiMonth, Long>of(
                            m -> m.getMonthStart().getMillis(),
                            TypeDescriptors.longs(),
                            m -> m.getCpi())
                        .named("DeduplicateCpiMonths")));
    PCollectionView<Map<String, BigDecimal>> cpiByMonth =
        cpi.apply(
                "KeyCpiByMonth",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(BigDecimal.class)))
                    .via(m -> KV.of(AdjustRevenueForCpi.month(m.getMonthStart()), m.getCpi())))
            .apply("CpiView", View.asMap());
    PCollection<MovieRecord> adjusted =
        movies.apply(new AdjustRevenueForCpi(cpiByMonth, o.getCpiBaseMonth()));

    PCollectionView<Map<Long, Boolean>> movieIds =
        movies
            .apply(
                "KeyMovieIds",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.booleans()))
                    .via(m -> KV.of(m.getMovieId(), true)))
            .apply("MovieIdView", View.asMap());

    PCollection<Link> links =
        ctx.keepGood(
            ctx.keepGood(
                    ctx.keepGood(
                            p.apply(
                                ReadFiles.csvRecords(links(o))
                                    .withHeader(LinkParser.HEADER)
                                    .named("ReadLinks")))
                        .apply(ParseRecords.with(new LinkParser(), Link.class).named("ParseLinks")))
                .apply(
                    DeduplicateByKey.<Link, Long>of(
                            l -> l.getMovielensId(), TypeDescriptors.longs(), l -> l.getTmdbId())
                        .named("DeduplicateLinks")));
    PCollectionView<Map<Long, Long>> tmdbByMovielens =
        links
            .apply(
                "KeyLinks",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.longs()))
                    .via(
                        l ->
                            KV.of(
                                l.getMovielensId(),
                                l.getTmdbId() == null
                                    ? ResolveRatedMovies.NO_TMDB_ID
                                    : l.getTmdbId())))
            .apply("LinkView", View.asMap());

    // The big one (26 M lines): read in byte ranges, in parallel, once movies and links are known.
    ReadFiles readRatings =
        ctx.incremental(
            ReadFiles.lines(ratings(o))
                .withHeader(RatingParser.HEADER)
                .splittable(RATINGS_RANGE_BYTES)
                .after(List.of(movies, links))
                .named("ReadRatings"));
    ResolveRatedMovies resolve = new ResolveRatedMovies(tmdbByMovielens, movieIds);
    StageRows<Rating> stageRatings = ctx.stage("s_rating");
    if (BulkLoad.supports(stageRatings)) {
      // Read, parse, resolve and COPY in one step: same rows, dead letters and counters as the
      // step-by-step path below, without handing 26 M records from step to step.
      PCollection<DeadLetter> failed =
          p.apply(
              "LoadRatings",
              BulkLoad.of(readRatings, new RatingParser(), Rating.class, "ParseRatings")
                  .checkedBy(resolve.rule(), ResolveRatedMovies.STEP)
                  .stagedBy(stageRatings));
      ctx.deadLetters(failed);
      staged.add(failed);
    } else {
      PCollection<Rating> ratings =
          ctx.keepGood(
              ctx.keepGood(
                      ctx.keepGood(p.apply(readRatings))
                          .apply(
                              ParseRecords.with(new RatingParser(), Rating.class)
                                  .named("ParseRatings")))
                  .apply(resolve));
      staged.add(ratings.apply("StageRatings", stageRatings));
    }

    staged.add(
        adjusted
            .apply("DropGenres", DropFields.fields("genres"))
            .apply("StageMovies", ctx.stage("s_movie")));
    staged.add(
        movies
            .apply(
                "ListGenres",
                FlatMapElements.into(TypeDescriptor.of(MovieGenre.class))
                    .via(
                        (MovieRecord m) -> {
                          List<MovieGenre> rows = new ArrayList<>();
                          for (int i = 0; i < m.getGenres().size(); i++) {
                            rows.add(
                                MovieGenre.create(
                                    m.getMovieId(),
                                    m.getGenres().get(i).getGenreId(),
                                    m.getGenres().get(i).getName(),
                                    i + 1));
                          }
                          return rows;
                        }))
            .apply("StageMovieGenres", ctx.stage("s_movie_genre")));
    staged.add(cpi.apply("StageCpi", ctx.stage("s_cpi")));

    if (present(credits(o))) {
      PCollection<CreditsRecord> credits =
          ctx.keepGood(
              ctx.keepGood(
                      ctx.keepGood(
                              ctx.keepGood(
                                      p.apply(
                                          ctx.incremental(
                                              ReadFiles.csvRecords(credits(o))
                                                  .withHeader(CreditsParser.HEADER)
                                                  .after(List.of(movies))
                                                  .named("ReadCredits"))))
                                  .apply(
                                      ParseRecords.with(new CreditsParser(), CreditsRecord.class)
                                          .named("ParseCredits")))
                          .apply(
                              DeduplicateByKey.<CreditsRecord, Long>of(
                                      c -> c.getMovieId(),
                                      TypeDescriptors.longs(),
                                      c -> Arrays.asList(c.getCast(), c.getCrew()))
                                  .named("DeduplicateCredits")))
                  .apply(
                      KeepKnownKeys.<CreditsRecord, Long>of(
                              c -> c.getMovieId(), movieIds, "movie_not_in_metadata", "movie id")
                          .named("KeepCreditsOfKnownMovies")));
      staged.add(
          credits
              .apply(
                  "ListCast",
                  FlatMapElements.into(TypeDescriptor.of(CastCredit.class))
                      .via((CreditsRecord c) -> c.getCast()))
              .apply("StageCast", ctx.stage("s_movie_cast")));
      staged.add(
          credits
              .apply(
                  "ListCrew",
                  FlatMapElements.into(TypeDescriptor.of(CrewCredit.class))
                      .via((CreditsRecord c) -> c.getCrew()))
              .apply("StageCrew", ctx.stage("s_movie_crew")));
    }
    if (present(keywords(o))) {
      PCollection<KeywordsRecord> keywords =
          ctx.keepGood(
              ctx.keepGood(
                      ctx.keepGood(
                              ctx.keepGood(
                                      p.apply(
                                          ctx.incremental(
                                              ReadFiles.csvRecords(keywords(o))
                                                  .withHeader(KeywordsParser.HEADER)
                                                  .after(List.of(movies))
                                                  .named("ReadKeywords"))))
                                  .apply(
                                      ParseRecords.with(new KeywordsParser(), KeywordsRecord.class)
                                          .named("ParseKeywords")))
                          .apply(
                              DeduplicateByKey.<KeywordsRecord, Long>of(
                                      k -> k.getMovieId(),
                                      TypeDescriptors.longs(),
                                      k -> k.getKeywords())
                                  .named("DeduplicateKeywords")))
                  .apply(
                      KeepKnownKeys.<KeywordsRecord, Long>of(
                              k -> k.getMovieId(), movieIds, "movie_not_in_metadata", "movie id")
                          .named("KeepKeywordsOfKnownMovies")));
      staged.add(
          keywords
              .apply(
                  "ListKeywords",
                  FlatMapElements.into(TypeDescriptor.of(MovieKeyword.class))
                      .via((KeywordsRecord k) -> k.getKeywords()))
              .apply("StageKeywords", ctx.stage("s_movie_keyword")));
    }
    return staged;
  }
}
