package etl.transforms.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.Test;

public class FieldValuesTest {
  static final class Point {
    public final String name;
    public final BigDecimal x;
    public static final int IGNORED = 1;

    Point(String name, BigDecimal x) {
      this.name = name;
      this.x = x;
    }
  }

  static final class Other {
    public final String name;
    public final BigDecimal x;

    Other(String name, BigDecimal x) {
      this.name = name;
      this.x = x;
    }
  }

  @Test
  public void comparesHashesAndRendersByPublicInstanceFields() {
    Point a = new Point("a", new BigDecimal("1.5"));
    Point same = new Point("a", new BigDecimal("1.5"));
    Point otherX = new Point("a", new BigDecimal("2.5"));
    Point nullName = new Point(null, new BigDecimal("1.5"));

    assertThat(FieldValues.equal(a, same)).isTrue();
    assertThat(FieldValues.hash(a)).isEqualTo(FieldValues.hash(same));
    assertThat(FieldValues.equal(a, otherX)).isFalse();
    assertThat(FieldValues.equal(a, nullName)).isFalse();
    assertThat(FieldValues.equal(nullName, new Point(null, new BigDecimal("1.5")))).isTrue();
    assertThat(FieldValues.equal(a, new Other("a", new BigDecimal("1.5")))).isFalse();
    assertThat(FieldValues.equal(a, null)).isFalse();
    assertThat(FieldValues.describe(a)).isEqualTo("Point{name=a, x=1.5}");
  }
}
