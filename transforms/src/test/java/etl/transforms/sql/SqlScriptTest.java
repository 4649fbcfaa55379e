package etl.transforms.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class SqlScriptTest {
  @Test
  public void turnsNamedParametersIntoJdbcMarksInOrder() {
    List<SqlScript.Statement> st =
        SqlScript.of("t", "select * from s where run_id = :run_id and a = :a and b = :run_id")
            .statements();

    assertThat(st).hasSize(1);
    assertThat(st.get(0).sql()).isEqualTo("select * from s where run_id = ? and a = ? and b = ?");
    assertThat(st.get(0).parameters()).containsExactly("run_id", "a", "run_id");
  }

  @Test
  public void leavesCastsQuotedTextAndCommentsAlone() {
    List<SqlScript.Statement> st =
        SqlScript.of(
                "t",
                "-- uses :not_a_param\n"
                    + "select x::text, ':no', \"col:umn\" /* :nor */ from t where y = :yes")
            .statements();

    assertThat(st.get(0).sql()).isEqualTo("select x::text, ':no', \"col:umn\"  from t where y = ?");
    assertThat(st.get(0).parameters()).containsExactly("yes");
  }

  @Test
  public void knowsWhichStatementsWriteATableSoAMergeFileCountsOnlyItsTargetRows() {
    List<SqlScript.Statement> st =
        SqlScript.of(
                "t",
                "-- a work table first\n"
                    + "create temp table m_d_user (like d_user);\n"
                    + "insert into m_d_user select * from s;\n"
                    + "-- then the target\n"
                    + "MERGE INTO d_user using m_d_user as s on d_user.id = s.id;\n"
                    + "insert into d_user_history select 1;\n"
                    + "drop table m_d_user;\n"
                    + "update d_user set level = 'paid';\n"
                    + "delete from d_user where false;\n"
                    + "update d_users set x = 1")
            .statements();

    assertThat(st)
        .extracting(s -> s.writes("d_user"))
        .containsExactly(false, false, true, false, false, true, true, false);
    assertThat(st.get(1).writes("m_d_user")).isTrue();
  }

  @Test
  public void splitsStatementsOnSemicolonsOutsideQuotes() {
    List<SqlScript.Statement> st =
        SqlScript.of("t", "create table a (x text);\ninsert into a values (';');\n").statements();

    assertThat(st)
        .extracting(SqlScript.Statement::sql)
        .containsExactly("create table a (x text)", "insert into a values (';')");
  }

  @Test
  public void fillsIdentifierPlaceholdersAndJoinsLists() {
    SqlScript s =
        SqlScript.of("t", "select {{cols}} from {{table}}")
            .withIdentifiers(Map.of("cols", List.of("a", "b_c"), "table", "d_user"));

    assertThat(s.text()).isEqualTo("select a, b_c from d_user");
  }

  @Test
  public void refusesAnIdentifierThatIsNotAPlainName() {
    assertThatThrownBy(
            () ->
                SqlScript.of("t", "select * from {{table}}")
                    .withIdentifiers(Map.of("table", "x; drop table y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x; drop table y");
    assertThatThrownBy(() -> Identifiers.check("Users"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void refusesToRunWithAnUnfilledPlaceholder() {
    assertThatThrownBy(() -> SqlScript.of("t", "select * from {{table}}").statements())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withIdentifiers");
  }

  @Test
  public void loadsFilesFromTheClasspathAndNamesAMissingOne() {
    assertThat(SqlScript.load("common/checks/not_empty.sql").text()).contains("{{table}}");
    assertThatThrownBy(() -> SqlScript.load("nope/missing.sql"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sql/nope/missing.sql");
  }
}
