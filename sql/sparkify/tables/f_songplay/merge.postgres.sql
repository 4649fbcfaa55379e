-- f_songplay: one row per NextSong event of this run (an event read twice counts once).
--   song_id:   the d_song with exactly the event's title (song) and artist name, preferring the
--              duration closest to the event's length, then the smallest song_id; null if none.
--   artist_id: the matched song's artist; without a song match, the artist id under which most
--              songs of d_song carry exactly the event's artist name (then the smallest id);
--              null if no song carries that name.
-- Matching runs against the whole d_song (merged just before, in the same transaction), so a
-- play can match a song loaded by an earlier run.
--
-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into f_songplay as t
using (
  with plays as (
    select *
    from (
      select e.*, row_number() over (partition by event_id order by source, line) as copy_rank
      from s_songplay_event as e
      where run_id = :run_id
        and page = 'NextSong'
    ) as copies
    where copy_rank = 1
  ),
  song_match as (
    select p.event_id,
           s.song_id,
           s.artist_id,
           row_number() over (
             partition by p.event_id order by abs(s.duration - p.length), s.song_id) as match_rank
    from plays as p
    inner join d_song as s
      on s.title = p.song
     and s.artist_name = p.artist
  ),
  artist_names as (
    select artist_name, artist_id, count(*) as songs
    from d_song
    group by artist_name, artist_id
  ),
  artist_match as (
    select p.event_id,
           n.artist_id,
           row_number() over (partition by p.event_id order by n.songs desc, n.artist_id) as match_rank
    from plays as p
    inner join artist_names as n
      on n.artist_name = p.artist
  )
  select p.event_id as songplay_id,
         p.ts as start_time,
         p.user_id,
         p.level,
         sm.song_id,
         coalesce(sm.artist_id, am.artist_id) as artist_id,
         p.session_id,
         p.item_in_session,
         p.location,
         p.user_agent
  from plays as p
  left join song_match as sm
    on sm.event_id = p.event_id and sm.match_rank = 1
  left join artist_match as am
    on am.event_id = p.event_id and am.match_rank = 1
) as s
on t.songplay_id = s.songplay_id
when matched and (t.start_time, t.user_id, t.level, t.song_id, t.artist_id, t.session_id,
                  t.item_in_session, t.location, t.user_agent)
    is distinct from (s.start_time, s.user_id, s.level, s.song_id, s.artist_id, s.session_id,
                      s.item_in_session, s.location, s.user_agent) then
  update set start_time = s.start_time, user_id = s.user_id, level = s.level,
             song_id = s.song_id, artist_id = s.artist_id, session_id = s.session_id,
             item_in_session = s.item_in_session, location = s.location, user_agent = s.user_agent
when not matched then
  insert (songplay_id, start_time, user_id, level, song_id, artist_id, session_id,
          item_in_session, location, user_agent)
  values (s.songplay_id, s.start_time, s.user_id, s.level, s.song_id, s.artist_id, s.session_id,
          s.item_in_session, s.location, s.user_agent)
