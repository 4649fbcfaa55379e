package etl.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.Test;

/** Progress sums the pipeline's counters by kind, and prints them for a terminal or for a log. */
public class ProgressTest {
  private static final Map<String, Map<String, Long>> COUNTERS =
      Map.of(
          "ReadEvents",
              Map.of("files", 2L, "records", 20L, "dead_letters", 1L, "filtered_blank_line", 1L),
          "ReadSongs", Map.of("files", 15L, "records", 15L, "dead_letters", 2L),
          "ParseEvents", Map.of("parsed", 12L, "dead_letters", 7L),
          "ParseSongs", Map.of("parsed", 9L, "dead_letters", 4L),
          "StageRows",
              Map.of("s_song_rows", 9L, "s_songplay_event_rows", 12L, "etl_dead_letter_rows", 14L));

  @Test
  public void onATerminalOneLineIsRewrittenInPlaceAndEndedOnce() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress =
        new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 1000);

    progress.update(Map.of("ReadEvents", Map.of("files", 1L, "records", 5L)));
    progress.update(COUNTERS);
    progress.done();
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .startsWith(
            "\r[00:00] reading: 1 files, 5 records read, 0 parsed, 0 rows staged, 0 dead letters");
    // The longer second line overwrites the first; one newline, at the end.
    assertThat(out)
        .contains(
            "\r"
                + "[00:00] reading: 17 files, 35 records read, 21 parsed, 21 rows staged, 14 dead"
                + " letters\n");
    assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  public void forALogEachUpdateIsAPlainLineAndStagingCountsNoDeadLetterRows() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress =
        new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 1000);

    progress.update(COUNTERS);
    progress.step("MERGE 1 of 6: d_artist, 4 rows changed, 0.0 s");
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out.lines())
        .containsExactly(
            "[00:00] reading: 17 files, 35 records read, 21 parsed, 21 rows staged, 14 dead"
                + " letters",
            "[00:00] MERGE 1 of 6: d_artist, 4 rows changed, 0.0 s");
    assertThat(out).doesNotContain("\r");
  }
}
