package etl.pipelines.movalytics;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.core.AccountedSource;
import etl.pipelines.core.JobContext;
import etl.pipelines.core.Join;
import etl.pipelines.core.StagingSink;
import etl.transforms.jdbc.StageRows;
import etl.transforms.record.DeadLetter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A source declaration read as declared (JobContext.read → ReadSource): read, parse, de-duplicate
 * and join steps named by the declaration, every rejected line a dead letter of its step, and the
 * accounting derived from the same declaration.
 */
public class MovalyticsSourcesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  /** Reading never stages: a staging call here is a bug. */
  private static final StagingSink NO_STAGING =
      new StagingSink() {
        @Override
        public <T> StageRows<T> stage(String table) {
          throw new AssertionError("nothing is staged by a read: " + table);
        }
      };

  private MovalyticsOptions options(Path dir) {
    return PipelineOptionsFactory.fromArgs("--input=" + dir).as(MovalyticsOptions.class);
  }

  private static PCollection<String> described(List<PCollection<DeadLetter>> deadLetters) {
    return PCollectionList.of(deadLetters)
        .apply("AllDeadLetters", Flatten.pCollections())
        .apply(
            "Describe",
            MapElements.into(TypeDescriptors.strings())
                .via(d -> d.getStep() + " " + d.getReason() + " " + d.getPosition()));
  }

  @Test
  public void linksAreParsedAndDeduplicatedAndEveryRejectedLineIsADeadLetterOfItsStep()
      throws IOException {
    Path dir = tmp.newFolder().toPath();
    Files.writeString(
        dir.resolve("links.csv"),
        "movieId,imdbId,tmdbId\n"
            + "1,0114709,862\n"
            + "not-a-number,0113497,8844\n"
            + "1,0114709,999\n"
            + "3,0113228,\n");
    JobContext ctx = new JobContext("run", NO_STAGING, read -> read);

    PCollection<Link> links = ctx.read(p, options(dir), MovalyticsSources.LINKS, Join.none());

    PAssert.that(
            links.apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(l -> l.getMovielensId() + "->" + l.getTmdbId())))
        .containsInAnyOrder("1->862", "3->null");
    PAssert.that(described(ctx.deadLetters()))
        .containsInAnyOrder("ParseLinks wrong_type 3", "DeduplicateLinks duplicate_key 4");
    p.run();
    assertThat(ctx.sources())
        .containsExactly(
            AccountedSource.of(
                "links",
                "ReadLinks",
                List.of("ParseLinks", "DeduplicateLinks"),
                new AccountedSource.Counted("DeduplicateLinks", "kept")));
  }

  @Test
  public void keywordsOfMoviesNotLoadedAreDeadLettersOfTheJoinStep() throws IOException {
    Path dir = tmp.newFolder().toPath();
    Files.writeString(
        dir.resolve("keywords.csv"),
        "id,keywords\n862,\"[{'id': 931, 'name': 'jealousy'}]\"\n"
            + "5,\"[{'id': 10, 'name': 'unknown'}]\"\n");
    JobContext ctx = new JobContext("run", NO_STAGING, read -> read);
    PCollectionView<Map<Long, Boolean>> movies =
        p.apply("Movies", Create.of(KV.of(862L, true))).apply(View.asMap());

    PCollection<KeywordsRecord> keywords =
        ctx.read(
            p, options(dir), MovalyticsSources.KEYWORDS, Join.<KeywordsRecord>none().known(movies));

    PAssert.that(
            keywords.apply(
                MapElements.into(TypeDescriptors.longs()).via(KeywordsRecord::getMovieId)))
        .containsInAnyOrder(862L);
    PAssert.that(described(ctx.deadLetters()))
        .containsInAnyOrder("KeepKeywordsOfKnownMovies movie_not_in_metadata 3");
    p.run();
    assertThat(ctx.sources().get(0).steps())
        .containsExactly("ParseKeywords", "DeduplicateKeywords", "KeepKeywordsOfKnownMovies");
  }
}
