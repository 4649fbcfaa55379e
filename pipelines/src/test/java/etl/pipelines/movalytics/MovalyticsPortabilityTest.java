package etl.pipelines.movalytics;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.testing.TestS3Server;
import etl.pipelines.testing.TestWarehouse;
import etl.pipelines.testing.TestWarehouse.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The same Movalytics load from S3, on Spark, repeated, and without its optional sources: each
 * compared table by table (content hashes) with a Direct-runner load of local files.
 */
public class MovalyticsPortabilityTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @ClassRule public static final TestS3Server S3 = new TestS3Server();

  private static final java.nio.file.Path SAMPLES = MovalyticsPipelineTest.SAMPLES;
  private static final List<String> TABLES = MovalyticsPipelineTest.TABLES;
  private static Map<String, String> fingerprints;
  private static List<String> deadLetters;
  private static final String DEAD_LETTERS =
      "select step, reason, regexp_replace(source, '.*/', ''), position from etl_dead_letter order"
          + " by 1, 2, 3, 4";

  @BeforeClass
  public static void loadLocalFilesOnTheDirectRunner() {
    Run run = DB.run(new MovalyticsJob(), "--input=" + SAMPLES);
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    fingerprints = DB.fingerprints(TABLES);
    deadLetters = DB.lines(DEAD_LETTERS);
    assertThat(fingerprints.get("f_rating")).startsWith("11:");
  }

  @Before
  public void emptyWarehouse() {
    DB.execute("drop schema public cascade; create schema public");
  }

  @Test
  public void readingTheInputsFromS3GivesIdenticalTables() {
    String input = S3.upload(SAMPLES, "movalytics-landing", "kaggle");
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--minRatings=2"));
    args.addAll(List.of(S3.beamOptions()));
    Run fromS3 = DB.run(new MovalyticsJob(), args.toArray(new String[0]));

    assertThat(fromS3.exitCode()).as(fromS3.out() + fromS3.err()).isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(TABLES)).isEqualTo(fingerprints);
  }

  @Test
  public void theStepByStepRatingsPathGivesTheSameTablesAndDeadLettersAsTheBulkPath() {
    // The default (COPY) loads ratings with BulkLoad; JDBC staging takes read → parse → resolve →
    // stage.
    Run stepByStep = DB.run(new MovalyticsJob(), "--input=" + SAMPLES, "--loadMethod=jdbc");

    assertThat(stepByStep.exitCode())
        .as(stepByStep.out() + stepByStep.err())
        .isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(TABLES)).isEqualTo(fingerprints);
    assertThat(DB.lines(DEAD_LETTERS)).isEqualTo(deadLetters);
    assertThat(deadLetters)
        .anyMatch(l -> l.startsWith("ResolveRatedMovies|"))
        .anyMatch(l -> l.startsWith("ParseRatings|"));
  }

  @Test
  public void theSparkRunnerInLocalModeGivesIdenticalTables() {
    Run onSpark =
        DB.run(
            new MovalyticsJob(),
            "--input=" + SAMPLES,
            "--runner=SparkRunner",
            "--sparkMaster=local[2]");

    assertThat(onSpark.exitCode()).as(onSpark.out() + onSpark.err()).isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(TABLES)).isEqualTo(fingerprints);
  }

  @Test
  public void aSecondRunLeavesEveryTableIdenticalAndCopesWithoutOptionalSources() {
    assertThat(DB.run(new MovalyticsJob(), "--input=" + SAMPLES).exitCode())
        .isEqualTo(ExitCode.OK.code());
    assertThat(DB.run(new MovalyticsJob(), "--input=" + SAMPLES).exitCode())
        .isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(TABLES)).isEqualTo(fingerprints);

    Run withoutCredits =
        DB.run(
            new MovalyticsJob(),
            "--input=" + SAMPLES,
            "--credits=" + SAMPLES.resolve("no-credits.csv"),
            "--keywords=" + SAMPLES.resolve("no-keywords.csv"));
    assertThat(withoutCredits.exitCode()).as(withoutCredits.out()).isEqualTo(ExitCode.OK.code());
    assertThat(withoutCredits.out())
        .doesNotContain("ReadCredits")
        .doesNotContain("d_person__not_empty");
    assertThat(DB.fingerprints(TABLES)).isEqualTo(fingerprints);
  }
}
