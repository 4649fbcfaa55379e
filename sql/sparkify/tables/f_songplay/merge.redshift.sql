-- f_songplay: one row per NextSong event of this run (an event read twice counts once), with the
-- song and artist matching rules of merge.postgres.sql (this folder), run against the
-- whole d_song (merged just before, in the same transaction). Only new plays and plays with a
-- changed value reach the MERGE.
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_f_songplay, which is then
-- merged without conditions and dropped.
-- Redshift has no IS DISTINCT FROM: "a <> b or (a is null) <> (b is null)" is the
-- null-safe comparison written out.
create temp table m_f_songplay (like f_songplay);

insert into m_f_songplay (songplay_id, start_time, user_id, level, song_id, artist_id, session_id,
                          item_in_session, location, user_agent)
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
),
matched as (
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
)
select s.songplay_id, s.start_time, s.user_id, s.level, s.song_id, s.artist_id, s.session_id,
       s.item_in_session, s.location, s.user_agent
from matched as s
left join f_songplay as t
  on t.songplay_id = s.songplay_id
where t.songplay_id is null
   or t.start_time <> s.start_time
   or t.user_id <> s.user_id
   or t.level <> s.level
   or t.song_id <> s.song_id or (t.song_id is null) <> (s.song_id is null)
   or t.artist_id <> s.artist_id or (t.artist_id is null) <> (s.artist_id is null)
   or t.session_id <> s.session_id
   or t.item_in_session <> s.item_in_session
   or t.location <> s.location or (t.location is null) <> (s.location is null)
   or t.user_agent <> s.user_agent or (t.user_agent is null) <> (s.user_agent is null);

merge into f_songplay
using m_f_songplay as s
on f_songplay.songplay_id = s.songplay_id
when matched then
  update set start_time = s.start_time, user_id = s.user_id, level = s.level,
             song_id = s.song_id, artist_id = s.artist_id, session_id = s.session_id,
             item_in_session = s.item_in_session, location = s.location, user_agent = s.user_agent
when not matched then
  insert (songplay_id, start_time, user_id, level, song_id, artist_id, session_id,
          item_in_session, location, user_agent)
  values (s.songplay_id, s.start_time, s.user_id, s.level, s.song_id, s.artist_id, s.session_id,
          s.item_in_session, s.location, s.user_agent);

drop table m_f_songplay
