package etl.transforms.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.Test;

public class CopyRowsTest {
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private static String fast(long millis) {
    StringBuilder out = new StringBuilder();
    CopyRows.appendUtcTimestamp(out, millis);
    return out.toString();
  }

  @Test
  public void timestampsAreWrittenExactlyAsJavaTimeWritesThemInUtc() {
    SplittableRandom random = new SplittableRandom(7);
    long min = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
    long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    for (int i = 0; i < 200_000; i++) {
      long millis = random.nextLong(min, max);
      assertThat(fast(millis)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(millis)));
    }
  }

  @Test
  public void edgesOfTheEpochAndOfEachFieldKeepTheirLeadingZeros() {
    assertThat(fast(0)).isEqualTo("1970-01-01 00:00:00.000");
    assertThat(fast(-1)).isEqualTo("1969-12-31 23:59:59.999");
    assertThat(fast(Instant.parse("0009-02-03T04:05:06.007Z").toEpochMilli()))
        .isEqualTo("0009-02-03 04:05:06.007");
    assertThat(fast(Instant.parse("2016-02-29T23:59:59.990Z").toEpochMilli()))
        .isEqualTo("2016-02-29 23:59:59.990");
  }

  @Test
  public void yearsOutsideFourDigitsFallBackToJavaTime() {
    long millis = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();
    assertThat(fast(millis)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(millis)));
  }
}
