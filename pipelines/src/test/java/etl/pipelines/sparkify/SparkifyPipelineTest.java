package etl.pipelines.sparkify;

import static org.assertj.core.api.Assertions.assertThat;

import etl.pipelines.cli.ExitCode;
import etl.pipelines.testing.TestWarehouse;
import etl.pipelines.testing.TestWarehouse.Run;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The whole Sparkify load on the Direct runner (with its immutability and encodability checks on)
 * into a real PostgreSQL, over the shipped samples, whose every expected row was worked out by hand
 * from the files (see pipelines/samples/README.md).
 */
public class SparkifyPipelineTest {
  @ClassRule public static final TestWarehouse DB = new TestWarehouse();

  private static final String[] ARGS = {
    "--input=" + SparkifySamples.DIR, "--enforceImmutability=true", "--enforceEncodability=true"
  };

  @Before
  public void emptyWarehouse() {
    DB.execute("drop schema public cascade; create schema public");
  }

  private Run load() {
    Run run = DB.run(new SparkifyJob(), ARGS);
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    return run;
  }

  @Test
  public void stagesEveryGoodRecordOfTheRun() {
    String runId = load().runId();

    assertThat(DB.lines("select count(*) from s_song where run_id = ?", runId))
        .containsExactly("9");
    assertThat(DB.lines("select count(*) from s_songplay_event where run_id = ?", runId))
        .containsExactly("12");
    assertThat(DB.lines("select count(*) from s_songplay_event where user_id is null"))
        .containsExactly("1");
  }

  @Test
  public void buildsOneArtistPerIdFromItsMostCompleteVariant() {
    load();

    assertThat(
            DB.lines(
                "select artist_id, name, location, latitude, longitude from d_artist order by"
                    + " artist_id"))
        .containsExactly(
            "ARFIX0000000001|The Fixture Band|Portland, OR|45.523450|-122.676210",
            "ARFIX0000000002|Html Artist|http://example.com|null|null",
            "ARFIX0000000003|Twin Names|Oslo, Norway|59.912730|10.746090",
            "ARFIX0000000004|Twin Names|null|null|null");
  }

  @Test
  public void buildsSongsWithUnknownYearsAsNull() {
    load();

    assertThat(
            DB.lines(
                "select song_id, title, artist_id, artist_name, year, duration from d_song order by"
                    + " song_id"))
        .containsExactly(
            "SOFIX0000000001|Alpha Song|ARFIX0000000001|The Fixture Band|1999|200.50000",
            "SOFIX0000000002|Beta Song|ARFIX0000000001|The Fixture Band|2001|180.25000",
            "SOFIX0000000003|Gamma Song|ARFIX0000000001|The Fixture Band feat."
                + " Guest|2003|190.00000",
            "SOFIX0000000004|Delta Song|ARFIX0000000002|Html Artist|null|240.00000",
            "SOFIX0000000005|Echo Song|ARFIX0000000003|Twin Names|2005|150.00000",
            "SOFIX0000000006|Foxtrot Song|ARFIX0000000004|Twin Names|2006|160.00000",
            "SOFIX0000000007|Golf Song|ARFIX0000000004|Twin Names|2007|170.00000",
            "SOFIX0000000008|Alpha Song|ARFIX0000000001|The Fixture Band|2008|210.00000",
            "SOFIX0000000009|1999|ARFIX0000000004|Twin Names|2009|180.00000");
  }

  @Test
  public void keepsEachUsersLevelFromTheirLatestEvent() {
    load();

    assertThat(
            DB.lines(
                "select user_id, first_name, last_name, gender, level, last_event_at from d_user"
                    + " order by user_id"))
        .containsExactly(
            "10|Ann|Lee|F|paid|2018-11-02 09:00:00.0",
            "20|Bob|Ray|M|free|2018-11-02 10:00:00.0",
            "30|Cy|Doe|M|free|2018-11-02 10:03:20.0");
  }

  @Test
  public void breaksEverySongPlayTimeDownInUtc() {
    load();

    assertThat(
            DB.lines(
                "select start_time, hour, day, week, month, year, weekday from d_time order by"
                    + " start_time"))
        .containsExactly(
            "2018-11-01 09:00:00.0|9|1|44|11|2018|4",
            "2018-11-01 09:03:20.0|9|1|44|11|2018|4",
            "2018-11-01 10:00:00.0|10|1|44|11|2018|4",
            "2018-11-01 10:01:40.0|10|1|44|11|2018|4",
            "2018-11-01 10:03:20.0|10|1|44|11|2018|4",
            "2018-11-02 09:00:00.0|9|2|44|11|2018|5",
            "2018-11-02 10:00:00.0|10|2|44|11|2018|5");
  }

  @Test
  public void matchesPlaysToSongsByTitleArtistAndClosestDuration() {
    load();

    assertThat(
            DB.lines(
                "select f.start_time, f.user_id, f.level, f.song_id, f.artist_id, f.session_id,"
                    + " f.item_in_session from f_songplay f order by f.start_time"))
        .containsExactly(
            // Alpha Song, 209 s: the 210 s recording, not the 200.5 s one
            "2018-11-01 09:00:00.0|10|free|SOFIX0000000008|ARFIX0000000001|100|1",
            "2018-11-01 09:03:20.0|10|free|SOFIX0000000002|ARFIX0000000001|100|2",
            // no such song; "Twin Names" is on 3 songs of ARFIX..4 and 1 of ARFIX..3
            "2018-11-01 10:00:00.0|20|paid|null|ARFIX0000000004|200|0",
            // the matched song decides the artist
            "2018-11-01 10:01:40.0|20|paid|SOFIX0000000005|ARFIX0000000003|200|1",
            "2018-11-01 10:03:20.0|20|paid|null|null|200|2",
            "2018-11-02 09:00:00.0|10|paid|SOFIX0000000009|ARFIX0000000004|101|0",
            "2018-11-02 10:00:00.0|20|free|SOFIX0000000004|ARFIX0000000002|201|0");
    assertThat(
            DB.lines(
                "select songplay_id from f_songplay where session_id = 100 and item_in_session ="
                    + " 1"))
        .containsExactly(EventParser.eventId(100, 1, 1541062800000L));
  }

  @Test
  public void routesEveryBadRecordToTheDeadLetterTableWithItsReason() {
    String runId = load().runId();

    List<String> deadLetters =
        DB.lines(
            "select step, regexp_replace(source, '^.*/', ''), position, reason from etl_dead_letter"
                + " where run_id = ? order by step, source, position",
            runId);
    assertThat(deadLetters)
        .containsExactly(
            "ParseEvents|2018-11-01-events.json|4|invalid_json",
            "ParseEvents|2018-11-01-events.json|10|missing_user_id",
            "ParseEvents|2018-11-01-events.json|11|wrong_type",
            "ParseEvents|2018-11-01-events.json|12|not_an_object",
            "ParseEvents|2018-11-02-events.json|6|out_of_range",
            "ParseEvents|2018-11-02-events.json|7|invalid_value",
            "ParseEvents|2018-11-02-events.json|9|missing_field",
            "ParseSongs|TRBAAAA128F0000010.json|1|invalid_json",
            "ParseSongs|TRBAABA128F0000011.json|1|not_an_object",
            "ParseSongs|TRBAACA128F0000012.json|1|missing_field",
            "ParseSongs|TRBBAAA128F0000013.json|1|wrong_type",
            "ReadEvents|2018-11-02-events.json|8|invalid_encoding",
            "ReadSongs|TRBBBAA128F0000014.json|1|invalid_encoding",
            "ReadSongs|TRBBCAA128F0000015.json|0|empty_file");
    assertThat(
            DB.lines(
                "select raw, message from etl_dead_letter where run_id = ? and reason ="
                    + " 'invalid_encoding' and step = 'ReadEvents'",
                runId))
        .singleElement()
        .asString()
        .contains("Ren\uFFFDe")
        .contains("not valid UTF-8");
  }

  @Test
  public void accountsForEveryInputLine() {
    Run run = load();

    // 12 + 9 lines = 1 blank (filtered by rule) + 20 records = 1 + 7 dead letters + 12 staged
    assertThat(run.out())
        .containsPattern("ReadEvents\\s+dead_letters=1 files=2 filtered_blank_line=1 records=20");
    assertThat(run.out()).containsPattern("ParseEvents\\s+dead_letters=7 parsed=12");
    // 15 song files = 15 records (the empty one counts, dead-lettered) = 2 + 4 dead letters + 9
    // staged
    assertThat(run.out()).containsPattern("ReadSongs\\s+dead_letters=2 files=15 records=15");
    assertThat(run.out()).containsPattern("ParseSongs\\s+dead_letters=4 parsed=9");
    assertThat(run.out())
        .contains("ok  song files: read 15 = loaded 9 + dead-lettered 6 + filtered 0")
        .contains("ok  events: read 21 = loaded 12 + dead-lettered 8 + filtered 1 {blank_line=1}");
  }

  @Test
  public void recordsTheRunAndReportsMatchRates() {
    Run run = load();

    List<Map<String, Object>> runs = DB.rows("select * from etl_run where run_id = ?", run.runId());
    assertThat(runs).hasSize(1);
    Map<String, Object> r = runs.get(0);
    assertThat(r.get("status")).isEqualTo("succeeded");
    assertThat(r.get("pipeline")).isEqualTo("sparkify");
    assertThat((String) r.get("arguments")).contains("--input=" + SparkifySamples.DIR);
    assertThat((String) r.get("rows_per_table"))
        .contains(
            "\"s_song\":9",
            "\"s_songplay_event\":12",
            "\"d_artist\":4",
            "\"d_song\":9",
            "\"d_user\":3",
            "\"d_time\":7",
            "\"f_songplay\":7");
    assertThat((String) r.get("dead_letters_by_reason"))
        .contains("\"ParseEvents/invalid_json\":1", "\"ReadSongs/empty_file\":1");
    assertThat(r.get("ended_at")).isNotNull();
    assertThat(run.out())
        .contains(
            "song_plays=7 with_song=5 song_match_pct=71.43 with_artist=6 artist_match_pct=85.71")
        .contains("SUCCEEDED");
    assertThat(
            DB.lines(
                "select count(*) as checks, count(*) filter (where status = 'pass') as passed from"
                    + " etl_check_result where run_id = ?",
                run.runId()))
        .containsExactly("25|25");
  }

  @Test
  public void secondRunOverTheSameInputLeavesEveryTableIdentical() {
    load();
    Map<String, String> first = DB.fingerprints(SparkifySamples.FINAL_TABLES);

    Run second = load();

    assertThat(DB.fingerprints(SparkifySamples.FINAL_TABLES)).isEqualTo(first);
    assertThat(first.get("f_songplay")).startsWith("7:");
    // Every file was loaded already: nothing read, nothing staged (earlier staging rows cleared).
    assertThat(second.out())
        .contains("ReadSongs: 15 files listed, 15 already loaded, 0 read")
        .contains("ReadEvents: 2 files listed, 2 already loaded, 0 read");
    assertThat(DB.lines("select count(*) from s_song")).containsExactly("0");

    // Every file read again and the tables rebuilt from them: the same tables once more.
    Run third = DB.run(new SparkifyJob(), withArg(ARGS, "--full-refresh"));

    assertThat(third.exitCode()).as(third.out()).isEqualTo(ExitCode.OK.code());
    assertThat(DB.fingerprints(SparkifySamples.FINAL_TABLES)).isEqualTo(first);
    assertThat(DB.lines("select distinct run_id from s_song")).containsExactly(third.runId());
    assertThat(DB.lines("select status from etl_run order by started_at"))
        .containsExactly("succeeded", "succeeded", "succeeded");
  }

  private static String[] withArg(String[] args, String extra) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = extra;
    return all;
  }

  @Test
  public void failedCheckRollsTheMergeBackAndLeavesFinalTablesUnchanged() {
    load();
    // A song whose artist is not in d_artist: the relationship check must fail the next run.
    DB.execute(
        "insert into d_song (song_id, title, artist_id, artist_name, year, duration) "
            + "values ('SOORPHAN', 'Orphan', 'ARNOWHERE', 'Nobody', null, 1.0)");
    DB.execute("delete from f_songplay");
    // Forgotten which files were loaded, so the next run reads them all and re-inserts the plays.
    DB.execute("delete from etl_loaded_file");
    Map<String, String> before = DB.fingerprints(SparkifySamples.FINAL_TABLES);

    Run run = DB.run(new SparkifyJob(), ARGS);

    assertThat(run.exitCode()).isEqualTo(ExitCode.CHECKS_FAILED.code());
    assertThat(run.out())
        .contains("FAILED_CHECKS")
        .contains("d_song__artist_id__references_d_artist");
    assertThat(DB.fingerprints(SparkifySamples.FINAL_TABLES)).isEqualTo(before);
    assertThat(DB.lines("select count(*) from f_songplay")).containsExactly("0");
    assertThat(
            DB.lines(
                "select check_name, violations, sample from etl_check_result where run_id = ? and"
                    + " status = 'fail'",
                run.runId()))
        .containsExactly("d_song__artist_id__references_d_artist|1|{artist_id=ARNOWHERE}");
    assertThat(DB.lines("select status from etl_run where run_id = ?", run.runId()))
        .containsExactly("failed_checks");
  }
}
