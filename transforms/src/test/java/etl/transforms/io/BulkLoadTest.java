package etl.transforms.io;

import static org.assertj.core.api.Assertions.assertThat;

import etl.transforms.jdbc.StageRows;
import etl.transforms.parse.RecordParser;
import etl.transforms.parse.RecordRule;
import etl.transforms.parse.Rejected;
import etl.transforms.record.DeadLetter;
import etl.transforms.testing.Counters;
import etl.transforms.testing.TestPostgres;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The bulk path against a real PostgreSQL: a file read in byte ranges, each line parsed, checked by
 * a {@link RecordRule} and streamed into staging by COPY; broken lines and rejected records become
 * dead letters of their step with their reason, the rest is staged.
 */
public class BulkLoadTest {
  @ClassRule public static final TestPostgres PG = new TestPostgres();
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  @DefaultSchema(JavaFieldSchema.class)
  public static final class Score implements Serializable {
    public final long id;
    public final int score;

    @SchemaCreate
    public Score(long id, int score) {
      this.id = id;
      this.score = score;
    }
  }

  /** "id,score": a non-numeric field is rejected as {@code bad_number}. */
  static final RecordParser<Score> PARSER =
      record -> {
        String[] f = record.getText().split(",", -1);
        try {
          return new Score(Long.parseLong(f[0]), Integer.parseInt(f[1]));
        } catch (RuntimeException e) {
          throw new Rejected("bad_number", "not an id,score pair: " + record.getText());
        }
      };

  /** Scores run from 0 to 5; anything else is rejected as {@code score_out_of_range}. */
  static final class ScoreInRange implements RecordRule<Score> {
    @Override
    public Score apply(Score s, SideInputs sideInputs) throws Rejected {
      if (s.score < 0 || s.score > 5) {
        throw new Rejected("score_out_of_range", "score " + s.score + " is not in 0..5");
      }
      return s;
    }

    @Override
    public List<PCollectionView<?>> sideInputs() {
      return List.of();
    }
  }

  @Before
  public void freshTable() throws SQLException {
    PG.execute(
        "drop table if exists s_score; create table s_score (run_id text, id bigint, score int)");
  }

  @Test
  public void stagesTheGoodLinesAndDeadLettersBrokenAndRejectedOnesWithTheirStep()
      throws IOException, SQLException {
    // Byte offsets: header 0, "1,5" 9, "x,3" 13, "2,9" 17, "3,4" 21, "" 25, "4,0" 26.
    Path file = tmp.getRoot().toPath().resolve("scores.csv");
    Files.write(file, "id,score\n1,5\nx,3\n2,9\n3,4\n\n4,0".getBytes(StandardCharsets.UTF_8));
    String uri = file.toString();
    ReadFiles read = ReadFiles.lines(uri).withHeader("id,score").splittable(8).named("ReadScores");
    StageRows<Score> stage =
        StageRows.<Score>into(PG.warehouse(), "s_score")
            .withConstant("run_id", "run-1")
            .withLoadMethod(StageRows.LoadMethod.COPY);

    PCollection<DeadLetter> failed =
        p.apply(
            "LoadScores",
            BulkLoad.of(read, PARSER, Score.class, "ParseScores")
                .checkedBy(new ScoreInRange(), "CheckScores")
                .stagedBy(stage));

    PAssert.that(failed)
        .containsInAnyOrder(
            DeadLetter.create(
                "ParseScores", uri, 13, "bad_number", "not an id,score pair: x,3", "x,3"),
            DeadLetter.create(
                "CheckScores", uri, 17, "score_out_of_range", "score 9 is not in 0..5", "2,9"));
    PipelineResult result = p.run();

    assertThat(PG.lines("select run_id, id, score from s_score order by id"))
        .containsExactly("run-1|1|5", "run-1|3|4", "run-1|4|0");
    assertThat(Counters.attempted(result, "ReadScores", "records")).isEqualTo(5);
    assertThat(Counters.attempted(result, "ReadScores", "filtered_header")).isEqualTo(1);
    assertThat(Counters.attempted(result, "ReadScores", "filtered_blank_line")).isEqualTo(1);
    assertThat(Counters.attempted(result, "ParseScores", "parsed")).isEqualTo(4);
    assertThat(Counters.attempted(result, "ParseScores", "dead_letters")).isEqualTo(1);
    assertThat(Counters.attempted(result, "CheckScores", "kept")).isEqualTo(3);
    assertThat(Counters.attempted(result, "CheckScores", "dead_letters")).isEqualTo(1);
    assertThat(Counters.attempted(result, "StageRows", "s_score_rows")).isEqualTo(3);
  }

  @Test
  public void refusesAWriterThatDoesNotCopyAndAReadThatIsNotSplit() {
    StageRows<Score> jdbc = StageRows.into(PG.warehouse(), "s_score");
    BulkLoad<Score> load =
        BulkLoad.of(ReadFiles.lines("/in/*.csv").splittable(10), PARSER, Score.class, "Parse");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> load.stagedBy(jdbc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("COPY only");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> BulkLoad.of(ReadFiles.lines("/in/*.csv"), PARSER, Score.class, "Parse"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("splittable");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.apply(load))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stagedBy() is required");
    p.enableAbandonedNodeEnforcement(false);
  }
}
