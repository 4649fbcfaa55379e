package etl.transforms.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class PythonLiteralTest {
  @Test
  public void parsesARealGenresCell() throws Rejected {
    List<Map<String, Object>> genres =
        PythonLiteral.parseListOfDicts(
            "[{'id': 16, 'name': 'Animation'}, {'id': 35, 'name': 'Comedy'}]");

    assertThat(genres).hasSize(2);
    assertThat(genres.get(0)).containsEntry("id", 16L).containsEntry("name", "Animation");
    assertThat(genres.get(1)).containsEntry("id", 35L).containsEntry("name", "Comedy");
  }

  @Test
  public void parsesNestedQuotesEscapedApostrophesAndNone() throws Rejected {
    Object v =
        PythonLiteral.parse(
            "[{'id': 15101, 'name': \"based on children's book\"}, {'id': 1, 'name': 'Rock \\'n\\'"
                + " Roll', 'poster_path': None, 'adult': False, 'video': True, 'score': -1.5e2}]");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) v;
    assertThat(list.get(0).get("name")).isEqualTo("based on children's book");
    assertThat(list.get(1).get("name")).isEqualTo("Rock 'n' Roll");
    assertThat(list.get(1)).containsEntry("poster_path", null);
    assertThat(list.get(1).get("adult")).isEqualTo(false);
    assertThat(list.get(1).get("video")).isEqualTo(true);
    assertThat(list.get(1).get("score")).isEqualTo(new BigDecimal("-1.5e2"));
  }

  @Test
  public void parsesEscapesAndUnicode() throws Rejected {
    assertThat(PythonLiteral.parse("'caf\\xe9 \\u00fcber\\ttab\\\\'"))
        .isEqualTo("café über\ttab\\");
    assertThat(PythonLiteral.parse("'Ørnås'")).isEqualTo("Ørnås");
  }

  @Test
  public void parsesEmptyContainersTuplesAndTrailingCommas() throws Rejected {
    assertThat(PythonLiteral.parse("[]")).isEqualTo(List.of());
    assertThat(PythonLiteral.parse("{}")).isEqualTo(Map.of());
    assertThat(PythonLiteral.parse("(1, 2,)")).isEqualTo(Arrays.asList(1L, 2L));
    assertThat(PythonLiteral.parse(" [ 'a' , ] ")).isEqualTo(List.of("a"));
  }

  @Test
  public void rejectsAnUnterminatedString() {
    assertInvalid("[{'id': 1, 'name': 'Anim", "unterminated string");
  }

  @Test
  public void rejectsAMissingBracket() {
    assertInvalid("[{'id': 1, 'name': 'Animation'}", "unexpected end");
  }

  @Test
  public void rejectsCodeInsteadOfAValue() {
    assertInvalid("[__import__('os')]", "unexpected character '_'");
    assertInvalid("[{'id': null}]", "unknown name 'null'");
  }

  @Test
  public void rejectsTrailingContent() {
    assertInvalid("[] []", "unexpected content after the literal");
  }

  @Test
  public void rejectsAListOfScalarsWhereDictsBelong() {
    assertThatThrownBy(() -> PythonLiteral.parseListOfDicts("[1, 2]"))
        .isInstanceOf(Rejected.class)
        .hasMessageContaining("expected a list of dicts");
  }

  private static void assertInvalid(String literal, String message) {
    assertThatThrownBy(() -> PythonLiteral.parse(literal))
        .isInstanceOf(Rejected.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((Rejected) e).reason()).isEqualTo("invalid_literal"));
  }
}
