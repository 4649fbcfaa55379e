package etl.pipelines.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.core.WarehouseJob;
import etl.pipelines.movalytics.MovalyticsJob;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.LocalProcesses;
import etl.pipelines.testing.TestS3Server;
import etl.pipelines.testing.TestWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Both warehouses on a real Spark standalone cluster: a master and a worker started from the Spark
 * jars Maven fetched (runner-configs/spark-home, no Spark download), the cluster jar submitted
 * through {@code SparkSubmit} exactly as on EMR, inputs read via {@code s3://} from the in-process
 * S3 server, loaded into embedded PostgreSQL. Every table must equal the Direct runner's load of
 * the same files (content hashes). Everything listens on 127.0.0.1; every process started here is
 * stopped afterwards, also when a test fails.
 *
 * <p>An integration test ({@code mvn verify}): it needs the jars {@code mvn package} builds.
 */
public class SparkStandaloneClusterIT {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @ClassRule public static final TestS3Server S3 = new TestS3Server();
  @ClassRule public static final LocalProcesses CLUSTER = new LocalProcesses("spark-standalone");

  static final Path SPARK_HOME =
      Path.of("..", "runner-configs", "spark-home", "target", "spark-home")
          .toAbsolutePath()
          .normalize();
  static final Path CLUSTER_JAR = Path.of("target", "warehouse-etl-cluster.jar").toAbsolutePath();
  static final Path PROPERTIES =
      Path.of("..", "runner-configs", "spark-standalone.conf").toAbsolutePath().normalize();
  static final Path JVM_FLAGS =
      Path.of("..", "runner-configs", "java17.jvm").toAbsolutePath().normalize();
  private static String master;
  private static List<String> jvmFlags;
  private static Map<String, String> env;

  @BeforeClass
  public static void startMasterAndWorker() throws IOException {
    assertThat(SPARK_HOME.resolve("jars"))
        .as("built by mvn package (runner-configs/spark-home)")
        .isDirectory();
    assertThat(CLUSTER_JAR).as("built by mvn package").isRegularFile();
    jvmFlags = Files.readAllLines(JVM_FLAGS).stream().filter(l -> !l.isBlank()).toList();
    env =
        Map.of(
            "SPARK_HOME", SPARK_HOME.toString(),
            "SPARK_SCALA_VERSION", "2.12",
            "SPARK_LOCAL_IP", "127.0.0.1",
            "JAVA_HOME", System.getProperty("java.home"),
            "SPARK_LOCAL_DIRS", CLUSTER.logDir().resolve("tmp").toString());
    int port = LocalProcesses.freePort();
    master = "spark://127.0.0.1:" + port;
    CLUSTER.start(
        "master",
        spark(
            "org.apache.spark.deploy.master.Master",
            "-Xmx512m",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--webui-port",
            String.valueOf(LocalProcesses.freePort())),
        env);
    CLUSTER.awaitLog("master", "I have been elected leader", Duration.ofSeconds(90));
    CLUSTER.start(
        "worker",
        spark(
            "org.apache.spark.deploy.worker.Worker",
            "-Xmx512m",
            master,
            "--host",
            "127.0.0.1",
            "--cores",
            "2",
            "--memory",
            "3g",
            "--webui-port",
            String.valueOf(LocalProcesses.freePort()),
            "--work-dir",
            CLUSTER.logDir().resolve("work").toString()),
        env);
    CLUSTER.awaitLog("worker", "Successfully registered with master", Duration.ofSeconds(90));
  }

  @Test
  public void sparkifyFromS3OnTheClusterEqualsTheDirectRunnerLoadOfLocalFiles() {
    assertClusterLoadEqualsDirectLoad(new SparkifyJob());
  }

  @Test
  public void movalyticsFromS3OnTheClusterEqualsTheDirectRunnerLoadOfLocalFiles() {
    assertClusterLoadEqualsDirectLoad(new MovalyticsJob());
  }

  @Test
  public void relativeInputsReachTheWorkersAndAFailedCheckIsRolledBackOnceNotRetried() {
    // Executors run in the worker's directory: a relative --input must reach them made absolute.
    DB.execute("drop schema public cascade; create schema public");
    assertThat(submit("sparkify", "relative-1", "--input=samples/sparkify"))
        .isEqualTo(ExitCode.OK.code());
    assertThat(DB.lines("select count(*) from f_songplay")).containsExactly("7");

    // A song whose artist is missing fails a relationship check on the next run. Spark retries a
    // failed task four times on a cluster; a rollback is not a failure to retry.
    DB.execute(
        "insert into d_song (song_id, title, artist_id, artist_name, year, duration) "
            + "values ('SOORPHAN', 'Orphan', 'ARNOWHERE', 'Nobody', null, 1.0)");
    Map<String, String> before =
        DB.fingerprints(List.of("d_artist", "d_song", "d_user", "d_time", "f_songplay"));
    assertThat(submit("sparkify", "relative-2", "--input=samples/sparkify"))
        .isEqualTo(ExitCode.CHECKS_FAILED.code());

    assertThat(DB.fingerprints(List.of("d_artist", "d_song", "d_user", "d_time", "f_songplay")))
        .isEqualTo(before);
    assertThat(DB.lines("select status from etl_run order by started_at"))
        .containsExactly("succeeded", "failed_checks");
    assertThat(
            DB.lines(
                "select check_name, count(*) from etl_check_result where run_id = (select"
                    + " max(run_id) from etl_run) group by check_name having count(*) <> 1"))
        .isEmpty();
    assertThat(CLUSTER.tail("submit-relative-2", Integer.MAX_VALUE))
        .doesNotContain("failed 4 times");
  }

  private static void assertClusterLoadEqualsDirectLoad(WarehouseJob<?> job) {
    String name = job.name();
    List<String> tables = job.finalTables();
    Path samples = Path.of("samples", name).toAbsolutePath();
    DB.execute("drop schema public cascade; create schema public");
    TestWarehouse.Run direct = DB.run(job, "--input=" + samples);
    assertThat(direct.exitCode()).as(direct.out() + direct.err()).isEqualTo(ExitCode.OK.code());
    Map<String, String> expected = DB.fingerprints(tables);
    assertThat(expected.values()).noneMatch(f -> f.startsWith("0:"));

    DB.execute("drop schema public cascade; create schema public");
    String input = S3.upload(samples, name + "-landing", "in");
    List<String> s3 = new ArrayList<>(List.of("--input=" + input));
    s3.addAll(List.of(S3.beamOptions()));
    int exit = submit(name, name, s3.toArray(new String[0]));

    assertThat(exit).as(CLUSTER.tail("submit-" + name, 80)).isEqualTo(ExitCode.OK.code());
    assertThat(CLUSTER.tail("submit-" + name, Integer.MAX_VALUE))
        .contains("Connecting to master " + master);
    assertThat(DB.fingerprints(tables)).isEqualTo(expected);
  }

  /** Submits the cluster jar running {@code job} with {@code args}; logs to submit-{@code log}. */
  private static int submit(String job, String log, String... args) {
    List<String> submit =
        spark(
            "org.apache.spark.deploy.SparkSubmit",
            "-Xmx1g",
            "--master",
            master,
            "--deploy-mode",
            "client",
            "--class",
            "etl.pipelines.cli.Main",
            "--properties-file",
            PROPERTIES.toString(),
            CLUSTER_JAR.toString(),
            job,
            "--runner=SparkRunner",
            "--sparkMaster=" + master,
            "--storageLevel=DISK_ONLY",
            "--filesToStage=" + CLUSTER_JAR,
            "--jdbcUrl=" + DB.jdbcUrl(),
            "--dbUser=postgres");
    submit.addAll(List.of(args));
    return CLUSTER.run("submit-" + log, submit, env, Duration.ofMinutes(10));
  }

  /** {@code java <Spark's JVM flags> <heap> -cp SPARK_HOME/jars/* <main> <args>}. */
  private static List<String> spark(String main, String heap, String... args) {
    List<String> command = new ArrayList<>(List.of(LocalProcesses.java(), heap));
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", SPARK_HOME.resolve("jars") + "/*", main));
    command.addAll(List.of(args));
    return command;
  }
}
