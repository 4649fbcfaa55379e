package etl.transforms.io;

import static org.assertj.core.api.Assertions.assertThat;

import etl.transforms.io.LineReader.Format;
import etl.transforms.io.LineReader.Positions;
import etl.transforms.record.DeadLetter;
import etl.transforms.record.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * Each reading rule on each format (lines, CSV records, whole files): byte-order mark, CRLF, header
 * check, blank lines, record size, invalid UTF-8, empty file, positions. Records are shown as
 * "position:text", dead letters as "position:reason".
 */
@RunWith(Parameterized.class)
public class LineReaderTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String URI = "/in/f";

  @Parameters(name = "{0}")
  public static List<Object[]> formats() {
    return Arrays.stream(Format.values()).map(f -> new Object[] {f}).toList();
  }

  private final Format format;

  public LineReaderTest(Format format) {
    this.format = format;
  }

  private boolean whole() {
    return format == Format.WHOLE_FILE;
  }

  /** What one read produced. */
  private static final class Read implements LineReader.Emitter {
    final List<String> records = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> raws = new ArrayList<>();
    final LineReader.Counts counts = new LineReader.Counts();

    @Override
    public void record(SourceRecord r) {
      records.add(r.getPosition() + ":" + r.getText());
    }

    @Override
    public void failed(DeadLetter d) {
      assertThat(d.getStep()).isEqualTo("ReadX");
      assertThat(d.getSource()).isEqualTo(URI);
      failures.add(d.getPosition() + ":" + d.getReason());
      raws.add(d.getRaw());
    }
  }

  private Read read(byte[] file, String header, int max, Positions positions, long from, long to)
      throws IOException {
    Read r = new Read();
    LineReader reader = new LineReader("ReadX", format, positions, max, header);
    int skip = (int) (from == 0 ? 0 : from - 1);
    reader.read(
        URI, new ByteArrayInputStream(file, skip, file.length - skip), from, to, r.counts, r);
    assertThat(r.counts.records).isEqualTo(r.records.size() + r.failures.size());
    assertThat(r.counts.deadLetters).isEqualTo(r.failures.size());
    return r;
  }

  private Read read(String text, String header) throws IOException {
    return read(utf8(text), header, 1024, Positions.LINE_NUMBERS, 0, Long.MAX_VALUE);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  public void dropsAByteOrderMarkAtTheStartOfTheFileOnly() throws IOException {
    byte[] file = concat(BOM, utf8("{\"a\":1}\n"), BOM, utf8("x\n"));
    Read r = read(file, null, 1024, Positions.LINE_NUMBERS, 0, Long.MAX_VALUE);

    if (whole()) {
      assertThat(r.records).containsExactly("1:{\"a\":1}\n\uFEFFx\n");
    } else {
      assertThat(r.records).containsExactly("1:{\"a\":1}", "2:\uFEFFx");
    }
  }

  @Test
  public void dropsTheCarriageReturnOfCrlfLineEnds() throws IOException {
    Read r = read("a,1\r\nb,2\r\n", null);

    if (whole()) {
      assertThat(r.records).containsExactly("1:a,1\r\nb,2\r\n");
    } else {
      assertThat(r.records).containsExactly("1:a,1", "2:b,2");
    }
  }

  @Test
  public void countsTheExpectedHeaderAndReadsTheRecordsAfterIt() throws IOException {
    if (whole()) {
      return; // a whole file has no header: ReadFilesTest checks withHeader is refused for it
    }
    Read r =
        read(
            concat(BOM, utf8("id,name\r\n1,a\n")),
            "id,name",
            1024,
            Positions.LINE_NUMBERS,
            0,
            Long.MAX_VALUE);

    assertThat(r.counts.headers).isEqualTo(1);
    assertThat(r.records).containsExactly("2:1,a");
    assertThat(r.failures).isEmpty();
  }

  @Test
  public void deadLettersAnUnexpectedHeaderAndDoesNotReadTheFile() throws IOException {
    if (whole()) {
      return;
    }
    Read r = read("id,title\n1,a\n2,b\n", "id,name");

    assertThat(r.failures).containsExactly("1:unexpected_header");
    assertThat(r.raws).containsExactly("id,title");
    assertThat(r.records).isEmpty();
    assertThat(r.counts.headers).isZero();
    LineReader reader = new LineReader("ReadX", format, Positions.BYTE_OFFSETS, 1024, "id,name");
    assertThat(reader.startsWithHeader(new ByteArrayInputStream(utf8("id,title\n1,a\n"))))
        .isFalse();
    assertThat(reader.startsWithHeader(new ByteArrayInputStream(utf8("id,name\r\n1,a\n"))))
        .isTrue();
  }

  @Test
  public void aBlankRecordIsCountedNotEmitted() throws IOException {
    Read r = read(whole() ? " \n\t\r\n" : "a\n\n \t\r\nb", null);

    if (whole()) {
      assertThat(r.records).isEmpty();
      assertThat(r.counts.blankLines).isEqualTo(1);
    } else {
      assertThat(r.records).containsExactly("1:a", "4:b");
      assertThat(r.counts.blankLines).isEqualTo(2);
    }
    assertThat(r.failures).isEmpty();
  }

  @Test
  public void aRecordOverTheLimitIsDeadLetteredAndTheNextIsRead() throws IOException {
    Read r = read(utf8("abcdefgh\nab\n"), null, 4, Positions.LINE_NUMBERS, 0, Long.MAX_VALUE);

    assertThat(r.failures).containsExactly("1:record_too_large");
    assertThat(r.raws).containsExactly("abcd");
    assertThat(r.records).isEqualTo(whole() ? List.of() : List.of("2:ab"));
  }

  @Test
  public void bytesThatAreNotUtf8AreDeadLetteredWithTheirText() throws IOException {
    byte[] file = concat(utf8("a\n"), new byte[] {'x', (byte) 0xE9, 'y', '\n'}, utf8("b\n"));
    Read r = read(file, null, 1024, Positions.LINE_NUMBERS, 0, Long.MAX_VALUE);

    if (whole()) {
      assertThat(r.failures).containsExactly("1:invalid_encoding");
      assertThat(r.records).isEmpty();
    } else {
      assertThat(r.failures).containsExactly("2:invalid_encoding");
      assertThat(r.raws).containsExactly("x\uFFFDy");
      assertThat(r.records).containsExactly("1:a", "3:b");
    }
  }

  @Test
  public void anEmptyFileIsOneDeadLetterAtPositionZero() throws IOException {
    Read r = read("", null);

    assertThat(r.failures).containsExactly("0:empty_file");
    assertThat(r.records).isEmpty();
  }

  @Test
  public void positionsAreLineNumbersWhereARecordStartsOrOneForAWholeFile() throws IOException {
    Read r = read("\"multi\nline\",1\nlast,2", null);

    switch (format) {
      case LINES -> assertThat(r.records).containsExactly("1:\"multi", "2:line\",1", "3:last,2");
      case CSV_RECORDS -> assertThat(r.records).containsExactly("1:\"multi\nline\",1", "3:last,2");
      case WHOLE_FILE -> assertThat(r.records).containsExactly("1:\"multi\nline\",1\nlast,2");
    }
  }

  @Test
  public void byteRangesReadEachRecordOnceAtItsByteOffset() throws IOException {
    if (format != Format.LINES) {
      return; // only lines are split into ranges (ReadFiles.splittable refuses the others)
    }
    byte[] file = concat(BOM, utf8("h\nab\r\ncd\nef"));
    List<String> all = new ArrayList<>();
    long headers = 0;
    for (long[] range : new long[][] {{0, 5}, {5, 9}, {9, 10}, {10, Long.MAX_VALUE}}) {
      Read r = read(file, "h", 1024, Positions.BYTE_OFFSETS, range[0], range[1]);
      all.addAll(r.records);
      headers += r.counts.headers;
    }

    assertThat(all).containsExactly("5:ab", "9:cd", "12:ef");
    assertThat(headers).isEqualTo(1);
  }
}
