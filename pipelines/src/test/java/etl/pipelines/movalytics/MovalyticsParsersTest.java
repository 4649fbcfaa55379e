package etl.pipelines.movalytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import etl.transforms.parse.Rejected;
import etl.transforms.record.SourceRecord;
import java.math.BigDecimal;
import org.joda.time.Instant;
import org.junit.Test;

public class MovalyticsParsersTest {
  /** The real first record of movies_metadata.csv (Toy Story), with a multi-line overview. */
  private static final String TOY_STORY =
      "False,\"{'id': 10194, 'name': 'Toy Story Collection', 'poster_path':"
          + " '/7G9915LfUQ2lVfwMEEhDsn3kT4B.jpg', 'backdrop_path':"
          + " '/9FBwqcd9IRruEDUrTdcaafOMKUq.jpg'}\",30000000,\"[{'id': 16, 'name': 'Animation'},"
          + " {'id': 35, 'name': 'Comedy'}, {'id': 10751, 'name':"
          + " 'Family'}]\",http://toystory.disney.com/toy-story,862,tt0114709,en,Toy Story,\"Led by"
          + " Woody, Andy's toys live happily\r\n"
          + "in his room.\",21.946943,/rhIRbceoE9lR4veEXuwCC2wARtG.jpg,\"[{'name': 'Pixar Animation"
          + " Studios', 'id': 3}]\",\"[{'iso_3166_1': 'US', 'name': 'United States of"
          + " America'}]\",1995-10-30,373554033,81.0,\"[{'iso_639_1': 'en', 'name':"
          + " 'English'}]\",Released,,Toy Story,False,7.7,5415";

  private static SourceRecord record(String text) {
    return SourceRecord.create("movies_metadata.csv", 2, text);
  }

  @Test
  public void parsesARealMovieWithAMultiLineCrlfOverview() throws Rejected {
    MovieRecord m = new MovieParser().parse(record(TOY_STORY));

    assertThat(m.getMovieId()).isEqualTo(862);
    assertThat(m.getImdbId()).isEqualTo("tt0114709");
    assertThat(m.getTitle()).isEqualTo("Toy Story");
    assertThat(m.getBudget()).isEqualTo(30_000_000L);
    assertThat(m.getRevenue()).isEqualTo(373_554_033L);
    assertThat(m.getReleaseDate()).isEqualTo(Instant.parse("1995-10-30T00:00:00Z"));
    assertThat(m.getVoteAverage()).isEqualTo(new BigDecimal("7.7"));
    assertThat(m.getVoteCount()).isEqualTo(5415L);
    assertThat(m.getPopularity()).isEqualTo(new BigDecimal("21.946943"));
    assertThat(m.getIsAdult()).isFalse();
    assertThat(m.getGenres())
        .containsExactly(
            Genre.create(16, "Animation"),
            Genre.create(35, "Comedy"),
            Genre.create(10751, "Family"));
  }

  @Test
  public void treatsZeroBudgetAndRevenueAndAnEmptyDateAsUnknown() throws Rejected {
    MovieRecord m =
        new MovieParser()
            .parse(
                record(
                    TOY_STORY.replace(",30000000,", ",0,").replace("1995-10-30,373554033", ",0")));
    assertThat(m.getBudget()).isNull();
    assertThat(m.getRevenue()).isNull();
    assertThat(m.getReleaseDate()).isNull();
  }

  @Test
  public void rejectsAShiftedRowWhoseIdHoldsADate() {
    assertRejected(new MovieParser(), TOY_STORY.replace(",862,", ",1997-08-20,"), "shifted_row");
  }

  @Test
  public void rejectsBadNumbersAndDates() {
    assertRejected(
        new MovieParser(),
        TOY_STORY.replace(",30000000,", ",/ff9qCepilowshEtG2GYWwzt2bs4.jpg,"),
        "wrong_type");
    assertRejected(new MovieParser(), TOY_STORY.replace(",30000000,", ",-5,"), "out_of_range");
    assertRejected(
        new MovieParser(), TOY_STORY.replace("1995-10-30", "1995-02-30"), "invalid_date");
    assertRejected(new MovieParser(), TOY_STORY.replace(",7.7,", ",11.5,"), "out_of_range");
  }

  @Test
  public void rejectsGenresThatDoNotParse() {
    assertRejected(
        new MovieParser(),
        TOY_STORY.replace("{'id': 35, 'name': 'Comedy'}", "{'id': 35, 'name': 'Com"),
        "invalid_literal");
  }

  @Test
  public void rejectsTooFewColumnsAndBrokenQuoting() {
    assertRejected(new MovieParser(), "False,,0,[],,862", "wrong_column_count");
    assertRejected(new MovieParser(), TOY_STORY + ",\"unterminated", "invalid_csv");
  }

  @Test
  public void parsesRatingsAndRejectsImpossibleOnes() throws Rejected {
    Rating r =
        new RatingParser().parse(SourceRecord.create("ratings.csv", 2, "1,31,2.5,1260759144"));
    assertThat(r.getUserId()).isEqualTo(1);
    assertThat(r.getMovielensId()).isEqualTo(31);
    assertThat(r.getMovieId()).isNull();
    assertThat(r.getRating()).isEqualTo(new BigDecimal("2.5"));
    assertThat(r.getRatedAt()).isEqualTo(Instant.parse("2009-12-14T02:52:24Z"));

    assertRejected(new RatingParser(), "1,31,2.7,1260759144", "out_of_range");
    assertRejected(new RatingParser(), "1,31,0.0,1260759144", "out_of_range");
    assertRejected(new RatingParser(), "1,31,4.0,99", "out_of_range");
    assertRejected(new RatingParser(), "one,31,4.0,1260759144", "wrong_type");
  }

  @Test
  public void parsesTheCpiSeriesAndRejectsAMissingMonthValue() throws Rejected {
    CpiMonth m = new CpiParser().parse(SourceRecord.create("cpi.csv", 2, "1999-01-01,102.700"));
    assertThat(m.getMonthStart()).isEqualTo(Instant.parse("1999-01-01T00:00:00Z"));
    assertThat(m.getCpi()).isEqualTo(new BigDecimal("102.700"));

    assertRejected(new CpiParser(), "1999-02-01,.", "missing_value");
    assertRejected(new CpiParser(), "1999-02-15,101.0", "invalid_date");
  }

  @Test
  public void parsesCreditsWithNestedQuotesAndNone() throws Rejected {
    String cast =
        "\"[{'cast_id': 14, 'character': \"\"Woody's Voice\"\", 'credit_id':"
            + " '52fe4284c3a36847f8024f95', 'gender': 2, 'id': 31, 'name': 'Tom Hanks', 'order': 0,"
            + " 'profile_path': None}]\"";
    String crew =
        "\"[{'credit_id': '52fe4284c3a36847f8024f49', 'department': 'Directing', 'gender': 2, 'id':"
            + " 7879, 'job': 'Director', 'name': 'John Lasseter', 'profile_path':"
            + " '/7EdqiNbr4FRjIhKHyPPdFfEEEFG.jpg'}]\"";
    CreditsRecord c =
        new CreditsParser()
            .parse(SourceRecord.create("credits.csv", 2, cast + "," + crew + ",862"));

    assertThat(c.getMovieId()).isEqualTo(862);
    assertThat(c.getCast())
        .containsExactly(
            CastCredit.builder()
                .setMovieId(862)
                .setCreditId("52fe4284c3a36847f8024f95")
                .setPersonId(31)
                .setPersonName("Tom Hanks")
                .setGender(2)
                .setCharacter("Woody's Voice")
                .setCastOrder(0)
                .build());
    assertThat(c.getCrew())
        .containsExactly(
            CrewCredit.builder()
                .setMovieId(862)
                .setCreditId("52fe4284c3a36847f8024f49")
                .setPersonId(7879)
                .setPersonName("John Lasseter")
                .setGender(2)
                .setDepartment("Directing")
                .setJob("Director")
                .build());
  }

  private static void assertRejected(
      etl.transforms.parse.RecordParser<?> parser, String text, String reason) {
    assertThatThrownBy(() -> parser.parse(record(text)))
        .isInstanceOf(Rejected.class)
        .satisfies(e -> assertThat(((Rejected) e).reason()).as(e.getMessage()).isEqualTo(reason));
  }
}
