package etl.transforms.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.Test;

public class CsvFieldsTest {
  private static final List<String> COLS = List.of("a", "b", "c");

  @Test
  public void plainAndQuotedRecordsGiveTheSameFields() throws Rejected {
    CsvFields plain = CsvFields.parse("1,two,", COLS);
    CsvFields quoted = CsvFields.parse("\"1\",\"two\",", COLS);

    for (CsvFields f : List.of(plain, quoted)) {
      assertThat(f.requiredLong("a")).isEqualTo(1);
      assertThat(f.requiredText("b", 10)).isEqualTo("two");
      assertThat(f.optionalText("c", 10)).isNull();
    }
  }

  @Test
  public void quotedFieldsKeepCommasQuotesAndLineBreaks() throws Rejected {
    CsvFields f = CsvFields.parse("x,\"a, \"\"b\"\"\r\nc\",3.50", COLS);
    assertThat(f.requiredText("b", 100)).isEqualTo("a, \"b\"\r\nc");
    assertThat(f.optionalDecimal("c", 1, 0, 10)).isEqualTo(new BigDecimal("3.5"));
  }

  @Test
  public void countsColumnsTheSameWayOnBothPaths() {
    assertThatThrownBy(() -> CsvFields.parse("1,2", COLS))
        .hasMessageContaining("expected 3 columns, found 2");
    assertThatThrownBy(() -> CsvFields.parse("1,2,3,4", COLS)).hasMessageContaining("found 4");
    assertThatThrownBy(() -> CsvFields.parse("\"1\",2,3,4", COLS)).hasMessageContaining("found 4");
  }

  @Test
  public void rejectsBrokenQuoting() {
    assertThatThrownBy(() -> CsvFields.parse("1,\"open,3", COLS))
        .isInstanceOf(Rejected.class)
        .satisfies(e -> assertThat(((Rejected) e).reason()).isEqualTo("invalid_csv"));
  }
}
