package etl.pipelines.movalytics;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.cli.Main;
import etl.pipelines.testing.TestWarehouse;
import etl.pipelines.testing.TestWarehouse.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The whole Movalytics load on the Direct runner into a real PostgreSQL, over the shipped samples
 * (pipelines/samples/movalytics), whose four answers were worked out by hand from the files before
 * the first run — the arithmetic is in the comments — and are asserted here.
 */
public class MovalyticsPipelineTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  static final Path SAMPLES = Path.of("samples", "movalytics").toAbsolutePath();
  static final List<String> TABLES =
      List.of(
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

  private static Run run;
  private static Path answers;

  @BeforeClass
  public static void load() throws IOException {
    answers = TMP.newFolder("answers").toPath();
    run =
        DB.run(
            new MovalyticsJob(),
            "--input=" + SAMPLES,
            "--minRatings=2",
            "--minVotes=10",
            "--answersDir=" + answers,
            "--enforceImmutability=true",
            "--enforceEncodability=true");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
  }

  private static List<String> csv(String answer) throws IOException {
    return Files.readAllLines(answers.resolve(answer + ".csv"));
  }

  @Test
  public void answersTheHighestRatedMoviesWithABayesianWeight() throws IOException {
    // Latest rating per (user, movie): Alpha 5,4,5; Beta 4,4,3; Gamma 4 (user 1 re-rated 3 → 4), 2;
    // Delta 2,3; Epsilon 4. C = 40/11 = 3.63636, m = 2. Alpha: 3/5·4.6667 + 2/5·3.63636 = 4.25455;
    // Beta: 2.2 + 1.45455 = 3.65455; Gamma: 1.5 + 1.81818 = 3.31818; Delta: 1.25 + 1.81818 =
    // 3.06818.
    assertThat(csv("1_highest_rated_movies"))
        .containsExactly(
            "rank,movie_id,title,year,ratings,mean_rating,weighted_rating",
            "1,101,Alpha,2000,3,4.667,4.2545",
            "2,102,Beta,2000,3,3.667,3.6545",
            "3,103,Gamma,2000,2,3.000,3.3182",
            "4,104,Delta,1998,2,2.500,3.0682");
    // TMDB votes: C = (8 + 7 + 6 + 9 + 6.5 + 5) / 6 = 6.91667, m = 10 (Delta has 5 votes, Zeta 2).
    assertThat(csv("1b_highest_rated_movies_tmdb"))
        .containsExactly(
            "rank,movie_id,title,year,vote_count,vote_average,weighted_rating",
            "1,101,Alpha,2000,100,8.0,7.9015",
            "2,102,Beta,2000,50,7.0,6.9861",
            "3,105,Epsilon,2000,20,6.5,6.6389",
            "4,103,Gamma,2000,10,6.0,6.4583");
  }

  @Test
  public void answersTheGenresMostPopularWithUsers() throws IOException {
    // Drama: Alpha 3 + Beta 3 + Epsilon 1 ratings = 29/7; Comedy: Alpha 3 + Gamma 2 = 20/5;
    // Action: Gamma 2 + Delta 2 = 11/4.
    assertThat(csv("2_most_popular_genres"))
        .containsExactly(
            "genre,ratings,users,mean_rating,rank_by_ratings,rank_by_mean_rating",
            "Drama,7,4,4.143,1,1",
            "Comedy,5,3,4.000,2,2",
            "Action,4,3,2.750,3,3");
  }

  @Test
  public void answersBoxOfficeByReleaseMonthAndQuarterNominalAndCpiAdjusted() throws IOException {
    // Base month = latest = 2000-07 (CPI 200). Alpha (Jan, CPI 100): 1.0 M → 2.0 M; Beta (Mar,
    // 110):
    // 2.2 M → 4.0 M; Gamma (Mar, 110): 0.6 M → 1,090,909.09; Epsilon (May: the series has no value)
    // and Delta (1998, before the series) have no adjusted revenue; Zeta and Eta have no revenue.
    assertThat(csv("3a_box_office_by_release_month"))
        .containsExactly(
            "release_month,movies,mean_revenue,median_revenue,movies_cpi_adjusted,mean_revenue_cpi_adjusted,median_revenue_cpi_adjusted",
            "1,1,1000000,1000000,1,2000000,2000000",
            "3,2,1400000,1400000,2,2545455,2545455",
            "5,1,400000,400000,0,,",
            "7,1,3000000,3000000,0,,");
    assertThat(csv("3b_box_office_by_release_quarter"))
        .containsExactly(
            "release_quarter,movies,mean_revenue,median_revenue,movies_cpi_adjusted,mean_revenue_cpi_adjusted,median_revenue_cpi_adjusted",
            "1,3,1266667,1000000,3,2363636,2000000",
            "2,1,400000,400000,0,,",
            "3,1,3000000,3000000,0,,");
  }

  @Test
  public void answersTheHighestEarningGenresCpiAdjusted() throws IOException {
    assertThat(csv("4_highest_earning_genres"))
        .containsExactly(
            "genre,movies,total_revenue_cpi_adjusted,revenue_per_movie_cpi_adjusted,total_revenue_nominal",
            "Drama,2,6000000.00,3000000,3200000",
            "Comedy,2,3090909.09,1545455,1600000",
            "Action,1,1090909.09,1090909,600000");
    assertThat(Files.readString(answers.resolve("4_highest_earning_genres.json")))
        .contains("\"question\" : \"4. The highest-earning genres of all time, CPI-adjusted\"")
        .contains("\"movies_cpi_adjusted\" : 3")
        .contains("\"revenue_outside_cpi_or_undated\" : 2");
  }

  @Test
  public void buildsTheModelWithNullsForUnknownAmountsAndDates() {
    assertThat(
            DB.lines(
                "select movie_id, title, budget, revenue, release_date, revenue_cpi_adjusted,"
                    + " cpi_base_month from d_movie order by movie_id"))
        .containsExactly(
            "101|Alpha|500000|1000000|2000-01-15|2000000.00|2000-07-01",
            "102|Beta|null|2200000|2000-03-10|4000000.00|2000-07-01",
            "103|Gamma|null|600000|2000-03-25|1090909.09|2000-07-01",
            "104|Delta|null|3000000|1998-07-01|null|2000-07-01",
            "105|Epsilon|null|400000|2000-05-05|null|2000-07-01",
            "106|Zeta|null|null|null|null|2000-07-01",
            "107|Eta|null|null|2000-06-30|null|2000-07-01");
    assertThat(DB.lines("select date, day, week, month, quarter, year from d_date order by date"))
        .startsWith("1998-07-01|1|27|7|3|1998", "2000-01-15|15|2|1|1|2000")
        .hasSize(6);
    assertThat(
            DB.lines("select rating, rated_at from f_rating where user_id = 1 and movie_id = 103"))
        .containsExactly("4.0|2001-09-09 01:50:00.0");
    assertThat(
            DB.lines(
                "select p.name, c.character from movie_cast c join d_person p using (person_id)"
                    + " order by credit_id"))
        .containsExactly("Ann Actor|Hero", "Bea Actor|O'Brien", "Ann Actor|Villain");
    assertThat(
            DB.lines(
                "select m.title, p.name from movie_crew c join d_person p using (person_id) "
                    + "join d_movie m using (movie_id) where c.job = 'Director' order by m.title"))
        .containsExactly("Alpha|Dee Director", "Beta|Dee Director");
    assertThat(DB.lines("select name from d_keyword order by keyword_id"))
        .containsExactly("friendship", "children's book");
    assertThat(DB.lines("select month_start, cpi from d_cpi order by month_start"))
        .hasSize(6)
        .contains("2000-07-01|200.000");
  }

  @Test
  public void deadLettersEveryDefectWithItsReasonAndCountsTheRepeats() {
    assertThat(
            DB.lines(
                "select step, regexp_replace(source, '^.*/', ''), position, reason from"
                    + " etl_dead_letter where run_id = ? order by step, position",
                run.runId()))
        .containsExactly(
            "DeduplicateMovies|movies_metadata.csv|11|duplicate_key",
            "KeepCreditsOfKnownMovies|credits.csv|4|movie_not_in_metadata",
            "KeepKeywordsOfKnownMovies|keywords.csv|5|movie_not_in_metadata",
            "ParseCpi|consumer_price_index.csv|6|missing_value",
            "ParseCredits|credits.csv|5|invalid_literal",
            "ParseMovies|movies_metadata.csv|12|shifted_row",
            "ParseMovies|movies_metadata.csv|13|wrong_type",
            "ParseMovies|movies_metadata.csv|14|invalid_date",
            "ParseMovies|movies_metadata.csv|15|invalid_literal",
            "ParseMovies|movies_metadata.csv|16|wrong_column_count",
            // ratings.csv is read in byte ranges: its positions are byte offsets (lines 17, 18, 19)
            "ParseRatings|ratings.csv|334|out_of_range",
            "ParseRatings|ratings.csv|354|wrong_type",
            "ParseRatings|ratings.csv|374|wrong_column_count",
            // lines 14, 15, 16
            "ResolveRatedMovies|ratings.csv|273|no_tmdb_id",
            "ResolveRatedMovies|ratings.csv|293|movie_not_in_metadata",
            "ResolveRatedMovies|ratings.csv|313|unknown_movie");
    assertThat(run.out())
        .containsPattern("DeduplicateMovies\\s+dead_letters=1 filtered_exact_duplicate=1")
        .containsPattern("DeduplicateKeywords\\s+filtered_exact_duplicate=1")
        .containsPattern("AdjustRevenueForCpi\\s+adjusted=3 no_revenue_or_date=2 outside_cpi=2");
  }

  @Test
  public void theAnswersCommandAnswersFromAKeptWarehouse() {
    Path dir = answers.resolveSibling("again");
    int code =
        Main.run(
            new String[] {
              "answers",
              "movalytics",
              "--jdbcUrl=" + DB.jdbcUrl(),
              "--dbUser=postgres",
              "--minRatings=2",
              "--answersDir=" + dir
            });

    assertThat(code).isEqualTo(ExitCode.OK.code());
    assertThat(dir.resolve("2_most_popular_genres.csv"))
        .hasSameTextualContentAs(answers.resolve("2_most_popular_genres.csv"));
  }
}
