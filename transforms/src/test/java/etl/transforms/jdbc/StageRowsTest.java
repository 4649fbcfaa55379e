package etl.transforms.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import etl.transforms.testing.Counters;
import etl.transforms.testing.TestPostgres;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;

/**
 * The staging writer's routing against a real PostgreSQL: JDBC writes by batched INSERTs, COPY by
 * one COPY stream per bundle (and counts what it staged), S3_COPY needs its staging place; a row
 * the table refuses fails the run instead of vanishing.
 */
public class StageRowsTest {
  @ClassRule public static final TestPostgres PG = new TestPostgres();
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @DefaultSchema(JavaFieldSchema.class)
  public static final class Thing implements Serializable {
    public final long thing_id;
    public final @Nullable String code;

    @SchemaCreate
    public Thing(long thing_id, @Nullable String code) {
      this.thing_id = thing_id;
      this.code = code;
    }
  }

  private static final List<Thing> THINGS =
      List.of(new Thing(1, "a"), new Thing(2, null), new Thing(3, "it's"));

  @Before
  public void freshTable() throws SQLException {
    PG.execute(
        "drop table if exists s_thing; create table s_thing (run_id text not null, thing_id bigint"
            + " not null, code varchar(4))");
  }

  private StageRows<Thing> stage(String runId, StageRows.LoadMethod method) {
    return StageRows.<Thing>into(PG.warehouse(), "s_thing")
        .withConstant("run_id", runId)
        .withBatchSize(2)
        .withLoadMethod(method);
  }

  @Test
  public void jdbcAndCopyEachStageEveryRowByColumnNameWithTheRunId() throws SQLException {
    p.apply("ThingsByJdbc", Create.of(THINGS))
        .apply("StageByJdbc", stage("run-jdbc", StageRows.LoadMethod.JDBC));
    p.apply("ThingsByCopy", Create.of(THINGS))
        .apply("StageByCopy", stage("run-copy", StageRows.LoadMethod.COPY));
    PipelineResult result = p.run();

    assertThat(PG.lines("select run_id, thing_id, code from s_thing order by run_id, thing_id"))
        .containsExactly(
            "run-copy|1|a",
            "run-copy|2|null",
            "run-copy|3|it's",
            "run-jdbc|1|a",
            "run-jdbc|2|null",
            "run-jdbc|3|it's");
    // Only the COPY path counts its rows itself (JdbcIO's writes are counted by the MERGE).
    assertThat(Counters.attempted(result, "StageRows", "s_thing_rows")).isEqualTo(3);
  }

  @Test
  public void aRowTheTableRefusesFailsTheRunByCopy() throws SQLException {
    p.apply(Create.of(new Thing(1, "a"), new Thing(2, "too long")))
        .apply("StageByCopy", stage("run-1", StageRows.LoadMethod.COPY));

    assertThatThrownBy(() -> p.run()).hasStackTraceContaining("value too long");
    // The failing bundle's COPY was cancelled: the refused row is not half-staged.
    assertThat(PG.lines("select count(*) from s_thing where thing_id = 2")).containsExactly("0");
  }

  @Test
  public void aRowTheTableRefusesFailsTheRunByJdbc() {
    p.apply(Create.of(new Thing(7, "too long")))
        .apply("StageByJdbc", stage("run-1", StageRows.LoadMethod.JDBC));

    assertThatThrownBy(() -> p.run()).hasStackTraceContaining("value too long");
  }

  @Test
  public void routesBulkWritersToCopyOnlyAndRefusesS3CopyWithoutItsStaging() {
    var schema = org.apache.beam.sdk.schemas.Schema.builder().addInt64Field("thing_id").build();
    assertThat(stage("r", StageRows.LoadMethod.COPY).bulkWriter(schema)).isNotNull();
    assertThat(stage("r", StageRows.LoadMethod.JDBC).bulkWriter(schema)).isNull();
    assertThat(stage("r", StageRows.LoadMethod.S3_COPY).bulkWriter(schema)).isNull();

    assertThatThrownBy(
            () -> p.apply(Create.of(THINGS)).apply(stage("r", StageRows.LoadMethod.S3_COPY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("withS3Staging()");
    assertThatThrownBy(
            () -> p.apply(Create.of(1L, 2L)).apply(StageRows.into(PG.warehouse(), "s_thing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Beam schema");
    p.enableAbandonedNodeEnforcement(false);
  }
}
