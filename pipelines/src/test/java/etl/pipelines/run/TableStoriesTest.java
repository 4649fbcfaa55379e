package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.Warehouses;
import etl.pipelines.core.WarehouseJob;
import etl.transforms.check.Check;
import etl.transforms.check.TableDef;
import etl.transforms.check.TableDef.ForeignKey;
import etl.transforms.check.TableDef.Layer;
import etl.transforms.jdbc.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Every table of both warehouses has its whole story in its folder {@code
 * sql/<warehouse>/tables/<table>/}: a valid yml, DDL and MERGE in both dialects, foreign keys on
 * columns its DDL has, and the check files it lists.
 */
public class TableStoriesTest {
  private static final List<WarehouseJob<?>> JOBS = Warehouses.ALL;

  @Test
  public void everyTableOfBothWarehousesHasACompleteValidStory() {
    for (WarehouseJob<?> job : JOBS) {
      for (TableDef t : TableDef.loadAll(job.name(), job.stagingTables())) {
        assertThat(t.layer()).as(t.name()).isEqualTo(Layer.STAGING);
        for (Dialect d : Dialect.values()) {
          assertThat(t.ddl(d).text()).contains("create table if not exists " + t.name() + " (");
        }
      }
      for (TableDef t : TableDef.loadAll(job.name(), job.finalTables())) {
        assertThat(t.layer()).as(t.name()).isNotEqualTo(Layer.STAGING);
        assertThat(t.description()).as(t.name()).isNotBlank();
        assertThat(job.stagingTables()).as(t.name()).containsAll(t.stagedFrom());
        assertThat(t.stagedFrom()).as(t.name() + " staged_from").isNotEmpty();
        for (Dialect d : Dialect.values()) {
          String ddl = t.ddl(d).text();
          assertThat(ddl).contains("create table if not exists " + t.name() + " (");
          for (ForeignKey fk : t.foreignKeys()) {
            assertThat(ddl).as(t.name() + " " + d).containsPattern(columnLine(fk.column()));
            assertThat(job.finalTables()).as(t.name()).contains(fk.refTable());
          }
          // The MERGE writes this table, and reads only the staging tables the yml declares.
          String merge = t.merge(d).text().replaceAll("--[^\\n]*", "");
          assertThat(merge)
              .as(t.name() + " " + d)
              .containsPattern("(?i)(merge|insert) into " + t.name() + "\\b");
          for (String staging : job.stagingTables()) {
            assertThat(Pattern.compile("\\b" + staging + "\\b").matcher(merge).find())
                .as(t.name() + " " + d + " reads " + staging)
                .isEqualTo(t.stagedFrom().contains(staging));
          }
          assertThat(t.customChecks(d)).hasSameSizeAs(t.checks());
        }
      }
    }
  }

  @Test
  public void customChecksKeepTheNamesRecordedInEtlCheckResult() {
    assertThat(customCheckNames(Warehouses.named("movalytics")))
        .containsExactly("d_movie_adjusted_revenue_has_cpi");
    assertThat(customCheckNames(Warehouses.named("sparkify")))
        .containsExactlyInAnyOrder("f_songplay_has_every_next_song", "d_user_level_is_latest");
  }

  @Test
  public void everyTableFolderBelongsToATableItsJobLists() throws IOException {
    for (WarehouseJob<?> job : JOBS) {
      List<String> listed = new ArrayList<>(job.stagingTables());
      listed.addAll(job.finalTables());
      try (Stream<Path> folders = Files.list(Path.of("..", "sql", job.name(), "tables"))) {
        assertThat(folders.map(p -> p.getFileName().toString()))
            .as(job.name())
            .containsExactlyInAnyOrderElementsOf(listed);
      }
    }
  }

  private static List<String> customCheckNames(WarehouseJob<?> job) {
    List<String> names = new ArrayList<>();
    for (TableDef t : TableDef.loadAll(job.name(), job.finalTables())) {
      t.customChecks(Dialect.POSTGRES).stream().map(Check::name).forEach(names::add);
    }
    return names;
  }

  private static Pattern columnLine(String column) {
    return Pattern.compile("(?m)^\\s*" + column + "\\s+[a-z]");
  }
}
