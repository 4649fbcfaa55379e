package etl.pipelines.sparkify;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.testing.TestS3Server;
import etl.pipelines.testing.TestWarehouse;
import etl.pipelines.testing.TestWarehouse.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The same load from other places and on another engine gives the same warehouse: inputs read via
 * {@code s3://} from a real S3 API on 127.0.0.1, and the Spark runner in local mode, each compared
 * table by table (content hashes) with the Direct runner reading local files.
 */
public class SparkifyPortabilityTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @ClassRule public static final TestS3Server S3 = new TestS3Server();

  private static Map<String, String> direct;
  private static List<String> directDeadLetters;

  @BeforeClass
  public static void loadLocalFilesOnTheDirectRunner() {
    DB.execute("drop schema public cascade; create schema public");
    Run run = DB.run(new SparkifyJob(), "--input=" + SparkifySamples.DIR);
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    direct = DB.fingerprints(SparkifySamples.FINAL_TABLES);
    directDeadLetters = deadLetters(run.runId());
    assertThat(direct.get("f_songplay")).startsWith("7:");
  }

  private static List<String> deadLetters(String runId) {
    return DB.lines(
        "select step, regexp_replace(source, '^.*/', ''), position, reason from etl_dead_letter "
            + "where run_id = ? order by 1, 2, 3",
        runId);
  }

  @Test
  public void readingTheInputsFromS3GivesIdenticalTables() {
    String input = S3.upload(SparkifySamples.DIR, "sparkify-landing", "2018/samples");
    DB.execute("drop schema public cascade; create schema public");
    List<String> args = new ArrayList<>(List.of("--input=" + input));
    args.addAll(List.of(S3.beamOptions()));

    Run run = DB.run(new SparkifyJob(), args.toArray(new String[0]));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(SparkifySamples.FINAL_TABLES)).isEqualTo(direct);
    assertThat(deadLetters(run.runId())).isEqualTo(directDeadLetters);
    assertThat(DB.lines("select distinct regexp_replace(source, '/song_data/.*$', '') from s_song"))
        .containsExactly("s3://sparkify-landing/2018/samples");
    // the S3 secret key in the arguments is never stored
    String recorded =
        DB.lines("select arguments from etl_run where run_id = ?", run.runId()).get(0);
    assertThat(recorded)
        .doesNotContain(TestS3Server.SECRET_KEY)
        .contains("--awsCredentialsProvider=***");
    assertThat(run.out() + run.err()).doesNotContain(TestS3Server.SECRET_KEY);
  }

  @Test
  public void anS3EndpointGivenByHostNameWorksWithPathStyleAddressing() {
    String input = S3.upload(SparkifySamples.DIR, "sparkify-by-name", "samples");
    DB.execute("drop schema public cascade; create schema public");
    List<String> args = new ArrayList<>(List.of("--input=" + input));
    args.addAll(List.of(S3.beamOptions()));
    args.replaceAll(a -> a.replace("--endpoint=http://127.0.0.1:", "--endpoint=http://localhost:"));
    args.add("--s3ClientFactoryClass=etl.transforms.io.PathStyleS3ClientBuilderFactory");

    Run run = DB.run(new SparkifyJob(), args.toArray(new String[0]));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(SparkifySamples.FINAL_TABLES)).isEqualTo(direct);
  }

  @Test
  public void aMissingS3PrefixIsAConfigurationError() {
    List<String> args = new ArrayList<>(List.of("--input=s3://sparkify-landing/no/such/prefix"));
    args.addAll(List.of(S3.beamOptions()));

    Run run = DB.run(new SparkifyJob(), args.toArray(new String[0]));

    assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR.code());
    assertThat(run.err())
        .startsWith("error: ")
        .contains("s3://sparkify-landing/no/such/prefix/song_data");
  }

  @Test
  public void stagingWithBatchedInsertsInsteadOfCopyGivesIdenticalTables() {
    DB.execute("drop schema public cascade; create schema public");

    Run run = DB.run(new SparkifyJob(), "--input=" + SparkifySamples.DIR, "--loadMethod=jdbc");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(SparkifySamples.FINAL_TABLES)).isEqualTo(direct);
    assertThat(deadLetters(run.runId())).isEqualTo(directDeadLetters);
  }

  @Test
  public void theSparkRunnerInLocalModeGivesIdenticalTables() {
    DB.execute("drop schema public cascade; create schema public");

    Run run =
        DB.run(
            new SparkifyJob(),
            "--input=" + SparkifySamples.DIR,
            "--runner=SparkRunner",
            "--sparkMaster=local[2]");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(SparkifySamples.FINAL_TABLES)).isEqualTo(direct);
    assertThat(deadLetters(run.runId())).isEqualTo(directDeadLetters);
    assertThat(run.out()).containsPattern("ParseEvents\\s+dead_letters=7 parsed=12");
  }
}
