package etl.transforms.io;

import static org.assertj.core.api.Assertions.assertThat;

import etl.transforms.record.DeadLetter;
import etl.transforms.record.SourceRecord;
import etl.transforms.testing.Counters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.WithFailures;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReadFilesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private Path write(String name, byte[] bytes) throws IOException {
    Path f = tmp.getRoot().toPath().resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, bytes);
    return f;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  public void splitsLinesOnLfAndCrlfKeepingLineNumbersAndTheLastLineWithoutNewline()
      throws IOException {
    Path f = write("logs/a.json", utf8("\uFEFFone\r\ntwo\n\n  \nthree"));
    String uri = f.toString();

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> read =
        p.apply(ReadFiles.lines(tmp.getRoot() + "/logs/*.json").named("ReadLogs"));

    PAssert.that(read.output())
        .containsInAnyOrder(
            SourceRecord.create(uri, 1, "one"),
            SourceRecord.create(uri, 2, "two"),
            SourceRecord.create(uri, 5, "three"));
    PAssert.that(read.failures()).empty();
    PipelineResult result = p.run();
    assertThat(Counters.attempted(result, "ReadLogs", "filtered_blank_line")).isEqualTo(2);
    assertThat(Counters.attempted(result, "ReadLogs", "records")).isEqualTo(3);
  }

  @Test
  public void deadLettersALineThatIsNotUtf8AndKeepsTheRestOfTheFile() throws IOException {
    byte[] latin1 = "{\"name\":\"Ren\u00e9e\"}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = concat(utf8("good 1\n"), latin1, utf8("\ngood 3\n"));
    Path f = write("logs/b.json", bytes);
    String uri = f.toString();

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> read =
        p.apply(ReadFiles.lines(tmp.getRoot() + "/logs/*.json").named("ReadLogs"));

    PAssert.that(read.output())
        .containsInAnyOrder(
            SourceRecord.create(uri, 1, "good 1"), SourceRecord.create(uri, 3, "good 3"));
    PAssert.that(read.failures())
        .containsInAnyOrder(
            DeadLetter.create(
                "ReadLogs",
                uri,
                2,
                "invalid_encoding",
                "bytes are not valid UTF-8",
                "{\"name\":\"Ren\uFFFDe\"}"));
    p.run();
  }

  @Test
  public void readsOnlyTheGivenFilesOfAPatternWholeOrInRanges() throws IOException {
    Path a = write("logs/a.json", utf8("a1\na2\n"));
    write("logs/b.json", utf8("b1\n"));
    Path c = write("logs/c.json", utf8("c1\nc2\nc3\n"));
    String pattern = tmp.getRoot() + "/logs/*.json";
    java.util.List<org.apache.beam.sdk.io.fs.MatchResult.Metadata> chosen =
        org.apache.beam.sdk.io.FileSystems.match(pattern).metadata().stream()
            .filter(m -> !m.resourceId().getFilename().equals("b.json"))
            .toList();

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> whole =
        p.apply(ReadFiles.lines(pattern).onlyFiles(chosen).named("ReadWhole"));
    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> ranged =
        p.apply(ReadFiles.lines(pattern).splittable(3).onlyFiles(chosen).named("ReadRanged"));
    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> none =
        p.apply(ReadFiles.lines(pattern).onlyFiles(java.util.List.of()).named("ReadNone"));

    PAssert.that(whole.output())
        .containsInAnyOrder(
            SourceRecord.create(a.toString(), 1, "a1"),
            SourceRecord.create(a.toString(), 2, "a2"),
            SourceRecord.create(c.toString(), 1, "c1"),
            SourceRecord.create(c.toString(), 2, "c2"),
            SourceRecord.create(c.toString(), 3, "c3"));
    // In ranges a record's position is its byte offset.
    PAssert.that(ranged.output())
        .containsInAnyOrder(
            SourceRecord.create(a.toString(), 0, "a1"),
            SourceRecord.create(a.toString(), 3, "a2"),
            SourceRecord.create(c.toString(), 0, "c1"),
            SourceRecord.create(c.toString(), 3, "c2"),
            SourceRecord.create(c.toString(), 6, "c3"));
    PAssert.that(none.output()).empty();
    PAssert.that(none.failures()).empty();
    PipelineResult result = p.run();
    assertThat(Counters.attempted(result, "ReadWhole", "files")).isEqualTo(2);
  }

  @Test
  public void anUnexpectedHeaderStopsTheWholeFileInEveryRange() throws IOException {
    Path bad = write("csv/bad.csv", utf8("id,title\n1,a\n2,b\n3,c\n4,d\n"));
    Path good = write("csv/good.csv", utf8("id,name\n5,e\n"));
    String pattern = tmp.getRoot() + "/csv/*.csv";

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> ranged =
        p.apply(ReadFiles.lines(pattern).withHeader("id,name").splittable(4).named("ReadRanged"));
    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> whole =
        p.apply(ReadFiles.csvRecords(pattern).withHeader("id,name").named("ReadWhole"));

    PAssert.that(ranged.output())
        .containsInAnyOrder(SourceRecord.create(good.toString(), 8, "5,e"));
    PAssert.that(ranged.failures())
        .containsInAnyOrder(
            DeadLetter.create(
                "ReadRanged",
                bad.toString(),
                0,
                "unexpected_header",
                "expected the header \"id,name\"; the file was not read",
                "id,title"));
    PAssert.that(whole.output()).containsInAnyOrder(SourceRecord.create(good.toString(), 2, "5,e"));
    PAssert.that(whole.failures())
        .containsInAnyOrder(
            DeadLetter.create(
                "ReadWhole",
                bad.toString(),
                1,
                "unexpected_header",
                "expected the header \"id,name\"; the file was not read",
                "id,title"));
    PipelineResult result = p.run();
    assertThat(Counters.attempted(result, "ReadRanged", "records")).isEqualTo(2);
    assertThat(Counters.attempted(result, "ReadRanged", "filtered_header")).isEqualTo(1);
    assertThat(Counters.attempted(result, "ReadWhole", "records")).isEqualTo(2);
  }

  @Test
  public void refusesAHeaderForWholeFilesAndRangesForCsvRecords() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> p.apply(ReadFiles.wholeFiles("/in/*.json").withHeader("h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("withHeader()");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ReadFiles.csvRecords("/in/*.csv").splittable(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ranges");
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  public void deadLettersAnEmptyFile() throws IOException {
    Path f = write("logs/empty.json", new byte[0]);

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> read =
        p.apply(ReadFiles.lines(tmp.getRoot() + "/logs/*.json").named("ReadLogs"));

    PAssert.that(read.output()).empty();
    PAssert.that(read.failures())
        .containsInAnyOrder(
            DeadLetter.create("ReadLogs", f.toString(), 0, "empty_file", "the file is empty", ""));
    p.run();
  }

  @Test
  public void deadLettersALineLongerThanTheLimitWithoutReadingItIntoMemory() throws IOException {
    Path f = write("logs/long.json", utf8("short\n" + "x".repeat(100) + "\nafter"));

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> read =
        p.apply(
            ReadFiles.lines(tmp.getRoot() + "/logs/*.json")
                .withMaxRecordBytes(50)
                .named("ReadLogs"));

    PAssert.that(read.output())
        .containsInAnyOrder(
            SourceRecord.create(f.toString(), 1, "short"),
            SourceRecord.create(f.toString(), 3, "after"));
    PAssert.that(read.failures())
        .satisfies(
            dls -> {
              DeadLetter d = dls.iterator().next();
              assertThat(d.getReason()).isEqualTo("record_too_large");
              assertThat(d.getPosition()).isEqualTo(2);
              assertThat(d.getMessage()).isEqualTo("record exceeds 50 bytes");
              return null;
            });
    p.run();
  }

  @Test
  public void readsGzipCompressedFilesTransparently() throws IOException {
    Path f = tmp.getRoot().toPath().resolve("logs/c.json.gz");
    Files.createDirectories(f.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(utf8("first\nsecond\n"));
    }

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> read =
        p.apply(ReadFiles.lines(tmp.getRoot() + "/logs/*.gz").named("ReadLogs"));

    PAssert.that(read.output())
        .containsInAnyOrder(
            SourceRecord.create(f.toString(), 1, "first"),
            SourceRecord.create(f.toString(), 2, "second"));
    p.run();
  }

  @Test
  public void readsOneRecordPerFileInNestedFolders() throws IOException {
    Path a = write("songs/A/B/one.json", utf8("{\"a\":1}\n"));
    Path b = write("songs/A/C/D/two.json", utf8("{\"b\":\n2}"));
    Path empty = write("songs/E/empty.json", new byte[0]);

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> read =
        p.apply(ReadFiles.wholeFiles(tmp.getRoot() + "/songs/**/*.json").named("ReadSongs"));

    PAssert.that(read.output())
        .containsInAnyOrder(
            SourceRecord.create(a.toString(), 1, "{\"a\":1}\n"),
            SourceRecord.create(b.toString(), 1, "{\"b\":\n2}"));
    PAssert.that(read.failures())
        .containsInAnyOrder(
            DeadLetter.create(
                "ReadSongs", empty.toString(), 0, "empty_file", "the file is empty", ""));
    p.run();
  }

  @Test
  public void keepsAQuotedMultiLineCsvFieldInOneRecordAndDropsTheHeader() throws IOException {
    Path f =
        write(
            "csv/movies.csv",
            utf8(
                "id,title,overview\r\n"
                    + "1,A,\"line one\r\n"
                    + "line \"\"two\"\"\"\r\n"
                    + "2,B,plain\r\n"
                    + "3,C,\"x\n"
                    + "y\n"
                    + "z\""));

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> read =
        p.apply(
            ReadFiles.csvRecords(tmp.getRoot() + "/csv/*.csv")
                .withHeader("id,title,overview")
                .named("ReadCsv"));

    PAssert.that(read.output())
        .containsInAnyOrder(
            SourceRecord.create(f.toString(), 2, "1,A,\"line one\r\nline \"\"two\"\"\""),
            SourceRecord.create(f.toString(), 4, "2,B,plain"),
            SourceRecord.create(f.toString(), 5, "3,C,\"x\ny\nz\""));
    PAssert.that(read.failures()).empty();
    PipelineResult result = p.run();
    assertThat(Counters.attempted(result, "ReadCsv", "filtered_header")).isEqualTo(1);
  }

  @Test
  public void deadLettersAFileWithAnUnexpectedHeaderInsteadOfMisreadingItsColumns()
      throws IOException {
    Path f = write("csv/other.csv", utf8("title,id\nA,1\n"));

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> read =
        p.apply(
            ReadFiles.csvRecords(tmp.getRoot() + "/csv/*.csv")
                .withHeader("id,title")
                .named("ReadCsv"));

    PAssert.that(read.output()).empty();
    PAssert.that(read.failures())
        .containsInAnyOrder(
            DeadLetter.create(
                "ReadCsv",
                f.toString(),
                1,
                "unexpected_header",
                "expected the header \"id,title\"; the file was not read",
                "title,id"));
    p.run();
  }

  @Test
  public void anUnterminatedQuoteRunsToTheEndOfTheFileAsOneRecord() throws IOException {
    Path f = write("csv/broken.csv", utf8("id,title\n1,\"open\n2,next\n"));

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> read =
        p.apply(
            ReadFiles.csvRecords(tmp.getRoot() + "/csv/*.csv")
                .withHeader("id,title")
                .named("ReadCsv"));

    PAssert.that(read.output())
        .containsInAnyOrder(SourceRecord.create(f.toString(), 2, "1,\"open\n2,next\n"));
    p.run();
  }

  @Test
  public void readsEveryLineExactlyOnceWhenAFileIsReadInSmallByteRanges() throws IOException {
    // line starts: 0 "a,b,c", 7 "1,one", 14 "2,two", 21 "", 23 "3,three", 32 "4,four"
    String text = "a,b,c\r\n1,one\r\n2,two\r\n\r\n3,three\r\n4,four";
    Path f = write("big/ratings.csv", utf8(text));

    WithFailures.Result<PCollection<SourceRecord>, DeadLetter> read =
        p.apply(
            ReadFiles.lines(tmp.getRoot() + "/big/*.csv")
                .withHeader("a,b,c")
                .splittable(4)
                .named("ReadBig"));

    PAssert.that(read.output())
        .containsInAnyOrder(
            SourceRecord.create(f.toString(), 7, "1,one"),
            SourceRecord.create(f.toString(), 14, "2,two"),
            SourceRecord.create(f.toString(), 23, "3,three"),
            SourceRecord.create(f.toString(), 32, "4,four"));
    PAssert.that(read.failures()).empty();
    PipelineResult result = p.run();
    assertThat(Counters.attempted(result, "ReadBig", "filtered_header")).isEqualTo(1);
    assertThat(Counters.attempted(result, "ReadBig", "filtered_blank_line")).isEqualTo(1);
    assertThat(Counters.attempted(result, "ReadBig", "records")).isEqualTo(4);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, i, p.length);
      i += p.length;
    }
    return all;
  }
}
