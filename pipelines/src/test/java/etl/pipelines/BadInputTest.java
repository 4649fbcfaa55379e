package etl.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.movalytics.MovalyticsJob;
import etl.pipelines.sparkify.SparkifyJob;
import etl.pipelines.testing.TestWarehouse;
import etl.pipelines.testing.TestWarehouse.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The kinds of bad input of docs/BAD_INPUT.md that the shipped samples do not already hold (those
 * are asserted in SparkifyPipelineTest and MovalyticsPipelineTest). Each test copies the samples,
 * adds one defect to one file, runs the real job, and asserts the dead letter (file, position,
 * reason) and that the good records of the same file still load.
 */
public class BadInputTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final Path MOVALYTICS = Path.of("samples", "movalytics").toAbsolutePath();
  private static final Path SPARKIFY = Path.of("samples", "sparkify").toAbsolutePath();
  private static final String DAY_1 = "log_data/2018/11/2018-11-01-events.json";

  @Before
  public void emptyWarehouse() {
    DB.execute("drop schema public cascade; create schema public");
  }

  // --- movies_metadata.csv (7 good movies staged from the samples)
  // --------------------------------

  @Test
  public void brokenCsvQuotingIsInvalidCsv() throws IOException {
    // A whole 24-column row whose title is quoted, then goes on after its closing quote.
    Path in =
        movalytics(
            dir -> appendMovie(dir, "907", "title", "BROKEN_QUOTING", "\"Bad \"quote\" here\""));
    Run run = movalyticsRun(in);

    assertDeadLetter(run, "movies_metadata.csv", 17, "invalid_csv");
    assertStaged(run, "s_movie", 7);
  }

  @Test
  public void anUnterminatedQuoteAtTheEndOfTheFileIsInvalidCsv() throws IOException {
    // A whole row whose last field opens a quote that the file never closes.
    Path in = movalytics(dir -> appendMovie(dir, "908", "vote_count", "NEVER_CLOSED", "\"12"));
    Run run = movalyticsRun(in);

    assertDeadLetter(run, "movies_metadata.csv", 17, "invalid_csv");
    assertStaged(run, "s_movie", 7);
  }

  @Test
  public void tooFewColumnsIsAWrongColumnCount() throws IOException {
    Path in = movalytics(dir -> appendLine(dir.resolve("movies_metadata.csv"), "909,Too Short"));
    Run run = movalyticsRun(in);

    assertDeadLetter(run, "movies_metadata.csv", 17, "wrong_column_count");
    assertStaged(run, "s_movie", 7);
  }

  @Test
  public void aNegativeBudgetIsOutOfRange() throws IOException {
    Path in = movalytics(dir -> appendMovie(dir, "910", "budget", "-5"));
    Run run = movalyticsRun(in);

    assertDeadLetter(run, "movies_metadata.csv", 17, "out_of_range");
    assertStaged(run, "s_movie", 7);
  }

  @Test
  public void anEmptyReleaseDateLoadsTheMovieWithoutADate() throws IOException {
    Path in = movalytics(dir -> appendMovie(dir, "911", "release_date", ""));
    Run run = movalyticsRun(in);

    assertStaged(run, "s_movie", 8);
    assertThat(
            DB.lines("select release_date, revenue_cpi_adjusted from d_movie where movie_id = 911"))
        .containsExactly("null|null");
  }

  @Test
  public void aTenMegabyteFieldIsTooLongAndTheRestLoads() throws IOException {
    Path in = movalytics(dir -> appendMovie(dir, "912", "title", "T".repeat(10 * 1024 * 1024)));
    Run run = movalyticsRun(in);

    assertDeadLetter(run, "movies_metadata.csv", 17, "field_too_long");
    assertStaged(run, "s_movie", 7);
    // The raw text is kept to its first 4,000 characters and says how much was cut.
    String raw =
        (String)
            DB.rows("select raw from etl_dead_letter where reason = 'field_too_long'")
                .get(0)
                .get("raw");
    assertThat(raw).startsWith("False,").hasSizeLessThan(4100).contains("…[truncated ");
  }

  @Test
  public void aByteOrderMarkBeforeTheHeaderIsIgnored() throws IOException {
    Path in =
        movalytics(
            dir ->
                prepend(
                    dir.resolve("movies_metadata.csv"),
                    new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
    Run run = movalyticsRun(in);

    assertStaged(run, "s_movie", 7);
    assertThat(DB.lines("select count(*) from etl_dead_letter where reason = 'unexpected_header'"))
        .containsExactly("0");
  }

  // --- credits.csv: Python literals
  // ---------------------------------------------------------------

  @Test
  public void aPythonLiteralWithNestedQuotesNoneAndEscapedApostrophesLoads() throws IOException {
    String cast =
        "[{'cast_id': 2, 'character': \"It's O'Brien\", 'credit_id': 'c104a', 'gender': None, 'id':"
            + " 77, 'name': 'Ona O\\'Neil', 'order': 0, 'profile_path': None}]";
    Path in = movalytics(dir -> appendCsv(dir.resolve("credits.csv"), cast, "[]", "104"));
    Run run = movalyticsRun(in);

    assertThat(run.out()).contains("credits: read 6 = loaded 3 + dead-lettered 2");
    assertThat(
            DB.lines(
                "select c.character, p.name, p.gender from movie_cast as c join d_person as p"
                    + " on p.person_id = c.person_id where c.credit_id = 'c104a'"))
        .containsExactly("It's O'Brien|Ona O'Neil|null");
  }

  // --- ratings.csv
  // --------------------------------------------------------------------------------

  @Test
  public void gzipCompressedRatingsLoadLikeTheFileItself() throws IOException {
    Path in = movalytics(dir -> gzip(dir.resolve("ratings.csv"), dir.resolve("ratings.csv.gz")));
    Files.delete(in.resolve("ratings.csv"));
    Run run = movalyticsRun(in, "--ratings=" + in.resolve("ratings.csv.gz"));

    assertStaged(run, "s_rating", 12);
    assertThat(run.out()).contains("ratings: read 19 = loaded 12 + dead-lettered 6");
  }

  // --- Sparkify: event logs and song files
  // --------------------------------------------------------

  @Test
  public void aCorruptGzipLogIsAnUnreadableFileAndTheOtherLogsLoad() throws IOException {
    // A gzip header, then bytes that do not inflate. (Plain text named .gz is read as text: Beam
    // decompresses only what starts with the gzip magic bytes.)
    Path in =
        sparkify(
            dir ->
                Files.write(
                    dir.resolve("log_data/2018/11/2018-11-03-events.json.gz"),
                    new byte[] {
                      0x1f,
                      (byte) 0x8b,
                      8,
                      0,
                      0,
                      0,
                      0,
                      0,
                      0,
                      (byte) 0xff,
                      (byte) 0xff,
                      (byte) 0xff,
                      (byte) 0xff,
                      1,
                      2,
                      3
                    }));
    Run run = sparkifyRun(in, "--events=" + in.resolve("log_data") + "/**/*.json*");

    assertDeadLetter(run, "2018-11-03-events.json.gz", 0, "unreadable_file");
    assertStaged(run, "s_songplay_event", 12);
  }

  @Test
  public void gzipCompressedLogsLoadLikeTheFilesThemselves() throws IOException {
    Path in = sparkify(dir -> gzip(dir.resolve(DAY_1), dir.resolve(DAY_1 + ".gz")));
    Files.delete(in.resolve(DAY_1));
    Run run = sparkifyRun(in, "--events=" + in.resolve("log_data") + "/**/*.json*");

    assertStaged(run, "s_songplay_event", 12);
    assertThat(DB.lines("select count(*) from f_songplay")).containsExactly("7");
  }

  @Test
  public void aByteOrderMarkAtTheStartOfALogIsIgnored() throws IOException {
    Path in =
        sparkify(
            dir -> prepend(dir.resolve(DAY_1), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
    Run run = sparkifyRun(in);

    assertStaged(run, "s_songplay_event", 12);
    assertThat(
            DB.lines(
                "select count(*) from etl_dead_letter where source like '%2018-11-01-events.json'"
                    + " and position = 1"))
        .containsExactly("0");
  }

  @Test
  public void aSongIdInTwoFilesKeepsTheFileThatSortsLastByRuleNotAsADeadLetter()
      throws IOException {
    Path in =
        sparkify(
            dir -> {
              try (Stream<Path> songs = Files.walk(dir.resolve("song_data/A"))) {
                Path first =
                    songs
                        .filter(p -> p.toString().endsWith(".json"))
                        .sorted()
                        .findFirst()
                        .orElseThrow();
                String json = Files.readString(first);
                String id = json.replaceAll("(?s).*\"song_id\":\\s*\"([^\"]+)\".*", "$1");
                write(
                    dir.resolve("song_data/Z/again.json"),
                    json.replaceFirst("\"title\":\\s*\"[^\"]*\"", "\"title\": \"Second Copy\""));
                DB.execute(
                    "create table if not exists expected_song (song_id text); truncate"
                        + " expected_song; insert into expected_song values ('"
                        + id
                        + "')");
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    List<String> id = DB.lines("select song_id from expected_song");
    Run run = sparkifyRun(in);

    assertStaged(run, "s_song", 10);
    assertThat(DB.lines("select title from d_song where song_id = ?", id.get(0)))
        .containsExactly("Second Copy");
    assertThat(DB.lines("select count(*) from etl_dead_letter where source like '%again.json'"))
        .containsExactly("0");
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  private interface Edit {
    void apply(Path dir) throws IOException;
  }

  private Path movalytics(Edit edit) throws IOException {
    return copy(MOVALYTICS, edit);
  }

  private Path sparkify(Edit edit) throws IOException {
    return copy(SPARKIFY, edit);
  }

  private Path copy(Path from, Edit edit) throws IOException {
    Path to = tmp.newFolder().toPath();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    edit.apply(to);
    return to;
  }

  private static Run movalyticsRun(Path in, String... more) {
    List<String> args = new ArrayList<>(List.of("--input=" + in, "--minRatings=2"));
    args.addAll(List.of(more));
    Run run = DB.run(new MovalyticsJob(), args.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    return run;
  }

  private static Run sparkifyRun(Path in, String... more) {
    List<String> args = new ArrayList<>(List.of("--input=" + in));
    args.addAll(List.of(more));
    Run run = DB.run(new SparkifyJob(), args.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    return run;
  }

  private static void assertDeadLetter(Run run, String file, long position, String reason) {
    assertThat(
            DB.lines(
                "select reason from etl_dead_letter where run_id = ? and source like ? and position"
                    + " = ?",
                run.runId(),
                "%/" + file,
                position))
        .as(run.out())
        .containsExactly(reason);
  }

  private static void assertStaged(Run run, String table, long rows) {
    assertThat(DB.lines("select count(*) from " + table + " where run_id = ?", run.runId()))
        .as(run.out())
        .containsExactly(String.valueOf(rows));
    assertThat(run.out()).doesNotContain("BAD ");
  }

  /** A copy of movie 101's row with another id and one column changed. */
  private static void appendMovie(Path dir, String id, String column, String value)
      throws IOException {
    appendMovie(dir, id, column, value, value);
  }

  /** The same, with {@code placeholder} replaced in the written line by raw text (broken CSV). */
  private static void appendMovie(
      Path dir, String id, String column, String placeholder, String raw) throws IOException {
    Path file = dir.resolve("movies_metadata.csv");
    List<CSVRecord> records =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(Files.readString(file)))
            .getRecords();
    CSVRecord alpha =
        records.stream().filter(r -> r.get("id").equals("101")).findFirst().orElseThrow();
    List<String> row = new ArrayList<>(alpha.toList());
    List<String> header = alpha.getParser().getHeaderNames();
    row.set(header.indexOf("id"), id);
    row.set(header.indexOf(column), placeholder);
    appendLine(file, csvLine(row.toArray(new String[0])).replace(placeholder, raw));
  }

  private static void appendCsv(Path file, String... values) throws IOException {
    appendLine(file, csvLine(values));
  }

  private static String csvLine(String... values) throws IOException {
    StringWriter line = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(line, CSVFormat.DEFAULT.builder().setRecordSeparator("").build())) {
      printer.printRecord((Object[]) values);
    }
    return line.toString();
  }

  /** Appends a line, with the file's own line ending, after its last line. */
  private static void appendLine(Path file, String line) throws IOException {
    String text = Files.readString(file);
    String eol = text.contains("\r\n") ? "\r\n" : "\n";
    if (!text.endsWith("\n")) {
      text += eol;
    }
    Files.writeString(file, text + line + eol);
  }

  private static void prepend(Path file, byte[] bytes) throws IOException {
    byte[] old = Files.readAllBytes(file);
    byte[] both = new byte[bytes.length + old.length];
    System.arraycopy(bytes, 0, both, 0, bytes.length);
    System.arraycopy(old, 0, both, bytes.length, old.length);
    Files.write(file, both);
  }

  private static void gzip(Path from, Path to) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      Files.copy(from, out);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
