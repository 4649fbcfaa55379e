package etl.transforms.merge;

import static org.assertj.core.api.Assertions.assertThat;

import etl.transforms.check.Check;
import etl.transforms.check.TableDef;
import etl.transforms.jdbc.StageRows;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import etl.transforms.sql.SqlScript;
import etl.transforms.testing.TestPostgres;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.transforms.Create;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * StageRows then MergeRunner against a real PostgreSQL: rows of any schema type are staged by name,
 * merged after every write finished, and a failed check rolls the whole MERGE back.
 */
public class MergeRunnerTest {
  @ClassRule public static final TestPostgres PG = new TestPostgres();
  private static Warehouse warehouse;
  private MergeRunner.Outcome lastOutcome;

  @DefaultSchema(JavaFieldSchema.class)
  public static final class Item implements Serializable {
    public final long item_id;
    public final @Nullable String name;
    public final @Nullable BigDecimal price;
    public final @Nullable Instant seen_at;

    @SchemaCreate
    public Item(
        long item_id,
        @Nullable String name,
        @Nullable BigDecimal price,
        @Nullable Instant seen_at) {
      this.item_id = item_id;
      this.name = name;
      this.price = price;
      this.seen_at = seen_at;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Item i
          && i.item_id == item_id
          && Objects.equals(i.name, name)
          && Objects.equals(i.price, price)
          && Objects.equals(i.seen_at, seen_at);
    }

    @Override
    public int hashCode() {
      return Objects.hash(item_id, name, price, seen_at);
    }
  }

  @BeforeClass
  public static void connect() {
    warehouse = PG.warehouse();
  }

  @Before
  public void freshSchema() throws SQLException {
    execute("drop schema public cascade; create schema public");
    for (String t : List.of("etl_check_result")) {
      try (Connection c = warehouse.connect()) {
        SqlRunner.execute(c, SqlScript.load("common/postgres/ddl/" + t + ".sql"), Map.of());
      }
    }
    try (Connection c = warehouse.connect()) {
      SqlRunner.execute(c, SqlScript.load("items/postgres/ddl.sql"), Map.of());
    }
  }

  private static final Instant T1 = Instant.parse("2024-01-01T10:00:00Z");
  private static final Instant T2 = Instant.parse("2024-01-02T10:00:00Z");

  private static final List<Item> ITEMS =
      List.of(
          new Item(1, "apple", new BigDecimal("1.25"), T1),
          new Item(1, "apple", new BigDecimal("1.50"), T2),
          new Item(2, "it's \"quoted\"; drop table d_item; --", null, T1),
          new Item(3, null, new BigDecimal("0.10"), null));

  private void load(String runId, List<Item> items, List<Check> checks) throws SQLException {
    load(runId, items, checks, StageRows.LoadMethod.JDBC);
  }

  private void load(String runId, List<Item> items, List<Check> checks, StageRows.LoadMethod method)
      throws SQLException {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply(Create.of(items))
        .apply(
            "StageItems",
            StageRows.<Item>into(warehouse, "s_item")
                .withConstant("run_id", runId)
                .withBatchSize(2)
                .withLoadMethod(method));
    p.run().waitUntilFinish();
    lastOutcome = merge(runId, checks);
  }

  private MergeRunner.Outcome merge(String runId, List<Check> checks) throws SQLException {
    return new MergeRunner(
            warehouse,
            "items",
            List.of("s_item"),
            List.of(
                new MergeRunner.Merge("d_item", SqlScript.load("items/postgres/merge_d_item.sql"))),
            checks)
        .run(runId);
  }

  private static final List<Check> ITEM_CHECKS =
      Check.standard(List.of(TableDef.of("d_item", List.of("item_id"))));

  @Test
  public void stagesRowsByColumnNameAndMergesTheLatestPerKey() throws SQLException {
    load("run-1", ITEMS, ITEM_CHECKS);

    assertThat(lastOutcome.committed()).isTrue();
    assertThat(PG.lines("select count(*) from s_item where run_id = 'run-1'")).containsExactly("4");
    assertThat(PG.lines("select item_id, name, price, seen_at from d_item order by item_id"))
        .containsExactly(
            "1|apple|1.50|2024-01-02 10:00:00.0",
            "2|it's \"quoted\"; drop table d_item; --|null|2024-01-01 10:00:00.0",
            "3|null|0.10|null");
    assertThat(
            PG.lines(
                "select check_name, status from etl_check_result where run_id = 'run-1' order by"
                    + " check_name"))
        .containsExactly(
            "d_item__item_id__not_null|pass", "d_item__not_empty|pass", "d_item__unique_key|pass");
  }

  @Test
  public void copyStagesExactlyWhatBatchedInsertsStageEvenHostileText() throws SQLException {
    List<Item> hostile =
        List.of(
            new Item(10, "quote \" and ' and \\ backslash, comma", new BigDecimal("12.34"), T1),
            new Item(11, "line one\nline two\r\nthree", null, null),
            new Item(12, "", BigDecimal.ZERO, T2),
            new Item(13, null, null, null),
            new Item(
                14,
                "'; drop table d_item; -- \u0001\u001f ünïcødé 🎬",
                new BigDecimal("-0.50"),
                T1),
            new Item(15, "\\N", new BigDecimal("99999999.99"), T2),
            new Item(16, "long ".repeat(400_000) + "end \t\\\"'", BigDecimal.ONE, T1));

    load("run-jdbc", hostile, ITEM_CHECKS, StageRows.LoadMethod.JDBC);
    load("run-copy", hostile, ITEM_CHECKS, StageRows.LoadMethod.COPY);

    String staged =
        "select item_id, name, name is null, price, seen_at from s_item where run_id = '%s' order"
            + " by item_id";
    List<String> viaCopy = PG.lines(String.format(staged, "run-copy"));
    assertThat(viaCopy).isEqualTo(PG.lines(String.format(staged, "run-jdbc"))).hasSize(7);
    // Every value reads back exactly as it was given, whichever way it travelled.
    for (String run : List.of("run-jdbc", "run-copy")) {
      List<String> names = new ArrayList<>();
      try (Connection c = warehouse.connect();
          java.sql.ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "select name from s_item where run_id = '" + run + "' order by item_id")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      assertThat(names).containsExactlyElementsOf(hostile.stream().map(i -> i.name).toList());
    }
    assertThat(viaCopy)
        .contains("12||false|0.00|2024-01-02 10:00:00.0", "13|null|true|null|null")
        .contains("11|line one\nline two\r\nthree|false|null|null");
    assertThat(PG.lines("select name from d_item where item_id = 14"))
        .containsExactly("'; drop table d_item; -- \u0001\u001f ünïcødé 🎬");
  }

  @Test
  public void mergingTheSameRunTwiceChangesNothing() throws SQLException {
    load("run-1", ITEMS, ITEM_CHECKS);
    List<String> first = PG.lines("select * from d_item order by item_id");

    MergeRunner.Outcome again = merge("run-1", ITEM_CHECKS);

    assertThat(again.changedRows()).containsEntry("d_item", 0L);
    assertThat(again.committed()).isTrue();
    assertThat(PG.lines("select * from d_item order by item_id")).isEqualTo(first);
  }

  @Test
  public void aFailedCheckRollsBackEveryMergeAndRecordsTheCheckWithoutFailingThePipeline()
      throws SQLException {
    load("run-1", ITEMS, ITEM_CHECKS);
    List<String> before = PG.lines("select * from d_item order by item_id");
    execute("insert into d_tag values (7, 99)");
    List<Check> withOrphans =
        new ArrayList<>(
            Check.standard(
                List.of(
                    TableDef.of("d_item", List.of("item_id")),
                    TableDef.of(
                        "d_tag",
                        List.of("tag_id"),
                        TableDef.ForeignKey.required("item_id", "d_item", "item_id")))));

    // The run ends normally (a runner must not retry a deliberate rollback); nothing is published.
    load("run-2", List.of(new Item(1, "pear", BigDecimal.ONE, T2)), withOrphans);

    assertThat(lastOutcome.committed()).isFalse();

    assertThat(PG.lines("select * from d_item order by item_id")).isEqualTo(before);
    assertThat(
            PG.lines(
                "select check_name, violations, sample from etl_check_result where run_id = 'run-2'"
                    + " and status = 'fail'"))
        .containsExactly("d_tag__item_id__references_d_item|1|{item_id=99}");
  }

  @Test
  public void aMergeHitByADeadlockIsRolledBackRepeatedWholeAndRecordedOnce() throws SQLException {
    load("run-1", ITEMS, ITEM_CHECKS);
    List<String> expected = PG.lines("select * from d_item order by item_id");
    execute("delete from d_item; create sequence calls");
    execute(
        "create function deadlock_once() returns void language plpgsql as $$ begin if"
            + " nextval('calls') = 1 then raise exception 'deadlock' using errcode = '40P01'; end"
            + " if; end $$");
    // The real MERGE, after a statement that dies with a deadlock (40P01) on its first call only.
    SqlScript deadlockedOnce =
        SqlScript.of(
            "merge_d_item_deadlocked_once",
            "select deadlock_once();\n" + SqlScript.load("items/postgres/merge_d_item.sql").text());

    MergeRunner.Outcome outcome =
        new MergeRunner(
                warehouse,
                "items",
                List.of("s_item"),
                List.of(new MergeRunner.Merge("d_item", deadlockedOnce)),
                ITEM_CHECKS)
            .withRetry(etl.transforms.jdbc.Retry.of(3, java.time.Duration.ofMillis(10)))
            .run("run-1");

    assertThat(outcome.committed()).isTrue();
    assertThat(PG.lines("select last_value from calls")).containsExactly("2");
    assertThat(PG.lines("select * from d_item order by item_id")).isEqualTo(expected);
    // Each check: once for the first load, once for this run — not once per attempt.
    assertThat(
            PG.lines(
                "select check_name, count(*) from etl_check_result where run_id = 'run-1' group by"
                    + " 1 having count(*) <> 2"))
        .isEmpty();
  }

  @Test
  public void anEmptyTableFailsItsNotEmptyCheck() throws SQLException {
    execute("create table d_empty (id bigint)");
    MergeRunner.Outcome outcome =
        new MergeRunner(
                warehouse,
                "items",
                List.of(),
                List.of(),
                Check.standard(List.of(TableDef.of("d_empty", List.of("id")))))
            .run("run-x");

    assertThat(outcome.committed()).isFalse();
    assertThat(outcome.failures()).extracting(c -> c.name()).containsExactly("d_empty__not_empty");
  }

  private static void execute(String sql) throws SQLException {
    PG.execute(sql);
  }
}
