package etl.transforms.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import etl.transforms.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Real errors from a real PostgreSQL: {@code flaky(state, n)} raises SQLState {@code state} on its
 * first {@code n} calls (counted by a sequence, which no rollback undoes), and a backend is really
 * terminated under a running query.
 */
public class RetryTest {
  @ClassRule public static final TestPostgres PG = new TestPostgres();
  private static Warehouse warehouse;
  private static final Retry FAST = Retry.of(4, Duration.ofMillis(10));

  @BeforeClass
  public static void connect() {
    warehouse = PG.warehouse();
  }

  @Before
  public void freshCounters() throws SQLException {
    execute("drop sequence if exists calls; create sequence calls");
    execute(
        "create or replace function flaky(state text, failures int) returns int language plpgsql as"
            + " $$ declare n int := nextval('calls'); begin if n <= failures then raise exception"
            + " 'flaky call %', n using errcode = state; end if; return n; end $$");
  }

  @Test
  public void aSerializationFailureIsRetriedUntilTheWorkPasses() throws SQLException {
    assertThat(FAST.call("test", () -> query("select flaky('40001', 2)"))).isEqualTo(3);
    assertThat(calls()).isEqualTo(3);
  }

  @Test
  public void aDeadlockIsRetriedUntilTheWorkPasses() throws SQLException {
    assertThat(FAST.call("test", () -> query("select flaky('40P01', 1)"))).isEqualTo(2);
  }

  @Test
  public void aConnectionKilledUnderAQueryIsRetriedOnANewConnection() throws Exception {
    execute("drop sequence if exists sleeps; create sequence sleeps");
    CompletableFuture<Void> killer =
        CompletableFuture.runAsync(RetryTest::terminateTheSleepingBackend);

    int result =
        FAST.call(
            "test",
            () ->
                query(
                    "select pg_sleep(case when nextval('sleeps') = 1 then 30 else 0 end)::text is"
                        + " not null as done"));

    killer.get();
    assertThat(result).isEqualTo(1);
    assertThat(query("select last_value from sleeps")).isEqualTo(2);
  }

  @Test
  public void aPermanentErrorIsThrownAtOnceWithoutARetry() {
    assertThatThrownBy(() -> FAST.call("test", () -> query("select flaky('22012', 10)")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("flaky call 1")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22012"));
    assertThat(callsQuietly()).isEqualTo(1);
  }

  @Test
  public void aTransientErrorThatNeverPassesGivesUpAfterTheLastAttempt() {
    assertThatThrownBy(() -> FAST.call("merging run r1", () -> query("select flaky('40001', 100)")))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("merging run r1 failed 4 times for a transient reason; giving up: ")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"));
    assertThat(callsQuietly()).isEqualTo(4);
  }

  @Test
  public void transientStatesAreRecognisedThroughWrappers() {
    SQLException wrapped = new SQLException("outer", "XX000", new SQLException("reset", "08006"));

    assertThat(Retry.isTransient(wrapped)).isTrue();
    assertThat(Retry.isTransient(new SQLException("syntax", "42601"))).isFalse();
    assertThat(Retry.isTransient(new SQLException("no state"))).isFalse();
  }

  private static void terminateTheSleepingBackend() {
    try (Connection c = warehouse.connect();
        Statement st = c.createStatement()) {
      for (int i = 0; i < 200; i++) {
        try (ResultSet rs =
            st.executeQuery(
                "select pg_terminate_backend(pid) from pg_stat_activity where query like 'select"
                    + " pg_sleep(case%' and state = 'active' and pid <> pg_backend_pid()")) {
          if (rs.next()) {
            return;
          }
        }
        Thread.sleep(50);
      }
      throw new AssertionError("the sleeping query never showed up");
    } catch (SQLException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int query(String sql) throws SQLException {
    try (Connection c = warehouse.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      Object v = rs.getObject(1);
      return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).intValue();
    }
  }

  private static int calls() throws SQLException {
    return query("select last_value from calls");
  }

  private static int callsQuietly() {
    try {
      return calls();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(String sql) throws SQLException {
    PG.execute(sql);
  }
}
