package etl.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.movalytics.MovalyticsGenerator;
import etl.pipelines.movalytics.MovalyticsJob;
import etl.pipelines.sparkify.SparkifyGenerator;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.TestWarehouse;
import etl.pipelines.testing.TestWarehouse.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Generated inputs are deterministic, load through the real pipelines, and every defect the
 * generator injected comes back as a dead letter with the reason it said.
 */
public class GenerateCommandTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        hashes.put(
            dir.relativize(f).toString(),
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return hashes;
  }

  @Test
  public void theSameSeedWritesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
    Path a = tmp.newFolder("a").toPath();
    Path b = tmp.newFolder("b").toPath();
    Path c = tmp.newFolder("c").toPath();
    MovalyticsGenerator.generate(a, 0.0005, 3, 0.01);
    MovalyticsGenerator.generate(b, 0.0005, 3, 0.01);
    MovalyticsGenerator.generate(c, 0.0005, 4, 0.01);
    SparkifyGenerator.generate(a.resolve("s"), 0.01, 3, 0.01);
    SparkifyGenerator.generate(b.resolve("s"), 0.01, 3, 0.01);

    assertThat(hashes(a)).isEqualTo(hashes(b)).hasSizeGreaterThan(150);
    assertThat(hashes(c).get("ratings.csv")).isNotEqualTo(hashes(a).get("ratings.csv"));
    assertThat(Files.readAllLines(a.resolve("ratings.csv"))).hasSize(13_012 + 1);
    assertThat(Files.readAllLines(a.resolve("links.csv"))).hasSize(23 + 1);
  }

  @Test
  public void generatedRatingsAreGroupedByUserWithEachMovieRatedOncePerUser() throws Exception {
    Path dir = tmp.newFolder("ratings").toPath();
    Map<String, Long> counts = MovalyticsGenerator.generate(dir, 0.002, 9, 0.0);
    List<String> lines = Files.readAllLines(dir.resolve("ratings.csv"));

    assertThat(lines.get(0)).isEqualTo("userId,movieId,rating,timestamp");
    assertThat(lines).hasSize((int) (counts.get("ratings") + 1));
    assertThat(counts.get("ratings")).isEqualTo(Math.round(26_024_289 * 0.002));
    java.util.Set<String> pairs = new java.util.HashSet<>();
    long previousUser = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      assertThat(pairs.add(f[0] + "," + f[1])).as("repeated pair " + line).isTrue();
      assertThat(Long.parseLong(f[0])).isGreaterThanOrEqualTo(previousUser);
      previousUser = Long.parseLong(f[0]);
      assertThat(Double.parseDouble(f[2]) * 2).isBetween(1.0, 10.0);
    }
  }

  @Test
  public void generatedMovalyticsLoadsAndEveryInjectedDefectIsADeadLetter() throws IOException {
    Path dir = tmp.newFolder("mov").toPath();
    Map<String, Long> injected = MovalyticsGenerator.generate(dir, 0.001, 11, 0.05);
    assertThat(injected.get("shifted_row") + injected.get("invalid_literal")).isPositive();
    DB.execute("drop schema public cascade; create schema public");

    Run run = DB.run(new MovalyticsJob(), "--input=" + dir, "--minRatings=5");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    Map<String, Long> byReason = new TreeMap<>();
    for (String line :
        DB.lines(
            "select reason, count(*) from etl_dead_letter where step in ('ParseMovies',"
                + " 'ParseRatings') group by reason")) {
      byReason.put(line.split("\\|")[0], Long.parseLong(line.split("\\|")[1]));
    }
    assertThat(byReason.getOrDefault("shifted_row", 0L)).isEqualTo(injected.get("shifted_row"));
    assertThat(byReason.getOrDefault("invalid_literal", 0L))
        .isEqualTo(injected.get("invalid_literal"));
    assertThat(byReason.getOrDefault("wrong_type", 0L)).isEqualTo(injected.get("wrong_type"));
    assertThat(byReason.getOrDefault("out_of_range", 0L)).isEqualTo(injected.get("out_of_range"));
    long movies =
        injected.get("movies") - injected.get("shifted_row") - injected.get("invalid_literal");
    assertThat(DB.lines("select count(*) from d_movie")).containsExactly(Long.toString(movies));
    // every rating is accounted for: staged, or dead-lettered at parse or join
    long staged = Long.parseLong(DB.lines("select count(*) from s_rating").get(0));
    long ratingDeadLetters =
        Long.parseLong(
            DB.lines("select count(*) from etl_dead_letter where source like '%ratings.csv'")
                .get(0));
    assertThat(staged + ratingDeadLetters).isEqualTo(injected.get("ratings"));
  }

  @Test
  public void generatedSparkifyLoadsWithEveryPlayAndEveryBrokenLine() throws IOException {
    Path dir = tmp.newFolder("spk").toPath();
    Map<String, Long> injected = SparkifyGenerator.generate(dir, 0.02, 5, 0.02);
    DB.execute("drop schema public cascade; create schema public");

    Run run = DB.run(new SparkifyJob(), "--input=" + dir);

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(DB.lines("select count(*) from d_song"))
        .containsExactly(Long.toString(injected.get("songs")));
    assertThat(DB.lines("select count(*) from f_songplay"))
        .containsExactly(Long.toString(injected.get("next_song_events")));
    assertThat(DB.lines("select reason, count(*) from etl_dead_letter group by reason"))
        .containsExactly("invalid_json|" + injected.get("invalid_json"));
    assertThat(injected.get("invalid_json")).isPositive();
    assertThat(
            List.of(DB.lines("select count(*) from f_songplay where song_id is not null").get(0)))
        .doesNotContain("0");
  }
}
