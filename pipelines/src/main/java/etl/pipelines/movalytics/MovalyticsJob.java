package etl.pipelines.movalytics;

import static etl.pipelines.movalytics.MovalyticsSources.CPI;
import static etl.pipelines.movalytics.MovalyticsSources.CREDITS;
import static etl.pipelines.movalytics.MovalyticsSources.KEYWORDS;
import static etl.pipelines.movalytics.MovalyticsSources.LINKS;
import static etl.pipelines.movalytics.MovalyticsSources.MOVIES;
import static etl.pipelines.movalytics.MovalyticsSources.RATINGS;

import etl.pipelines.core.Answer;
import etl.pipelines.core.AnswerOptions;
import etl.pipelines.core.Chart;
import etl.pipelines.core.ConfigException;
import etl.pipelines.core.JobContext;
import etl.pipelines.core.Join;
import etl.pipelines.core.Source;
import etl.pipelines.core.WarehouseJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.transforms.DropFields;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

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

  @Override
  public List<Source<MovalyticsOptions, ?>> sources() {
    return MovalyticsSources.ALL;
  }

  @Override
  public void validate(MovalyticsOptions o) {
    if (o.getCpiBaseMonth() != null && !MONTH.matcher(o.getCpiBaseMonth()).matches()) {
      throw new ConfigException("--cpiBaseMonth must be YYYY-MM, was " + o.getCpiBaseMonth());
    }
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
      return JobContext.present(CREDITS, o);
    }
    if (FROM_KEYWORDS.contains(table)) {
      return JobContext.present(KEYWORDS, o);
    }
    return true;
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
    PCollection<MovieRecord> movies = ctx.read(p, o, MOVIES, Join.none());
    PCollection<CpiMonth> cpi = ctx.read(p, o, CPI, Join.none());
    PCollection<Link> links = ctx.read(p, o, LINKS, Join.none());
    PCollectionView<Map<Long, Boolean>> movieIds = Lookups.movieIds(movies);
    ResolveRatedMovies resolve = new ResolveRatedMovies(Lookups.tmdbIds(links), movieIds);

    List<PCollection<?>> staged = new ArrayList<>();
    staged.add(ctx.load(p, o, RATINGS, Join.<Rating>after(movies, links).rule(resolve)));
    staged.add(
        movies
            .apply(new AdjustRevenueForCpi(Lookups.cpiByMonth(cpi), o.getCpiBaseMonth()))
            .apply("DropGenres", DropFields.fields("genres"))
            .apply("StageMovies", ctx.stage("s_movie")));
    staged.add(
        movies
            .apply("ListGenres", FlatMapElements.via(new FanOut.Genres()))
            .apply("StageMovieGenres", ctx.stage("s_movie_genre")));
    staged.add(cpi.apply("StageCpi", ctx.stage("s_cpi")));
    if (JobContext.present(CREDITS, o)) {
      PCollection<CreditsRecord> credits =
          ctx.read(p, o, CREDITS, Join.<CreditsRecord>after(movies).known(movieIds));
      staged.add(
          credits
              .apply("ListCast", FlatMapElements.via(new FanOut.Cast()))
              .apply("StageCast", ctx.stage("s_movie_cast")));
      staged.add(
          credits
              .apply("ListCrew", FlatMapElements.via(new FanOut.Crew()))
              .apply("StageCrew", ctx.stage("s_movie_crew")));
    }
    if (JobContext.present(KEYWORDS, o)) {
      staged.add(
          ctx.read(p, o, KEYWORDS, Join.<KeywordsRecord>after(movies).known(movieIds))
              .apply("ListKeywords", FlatMapElements.via(new FanOut.Keywords()))
              .apply("StageKeywords", ctx.stage("s_movie_keyword")));
    }
    return staged;
  }
}
