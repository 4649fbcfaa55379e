-- d_song from this run's songs; a song id read from several files keeps the file whose URI sorts
-- last. Only new songs and songs with a changed value reach the MERGE (Redshift has no
-- IS DISTINCT FROM: "a <> b or (a is null) <> (b is null)" is its null-safe form).
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_d_song, which is then
-- merged without conditions and dropped.
-- Redshift has no IS DISTINCT FROM: "a <> b or (a is null) <> (b is null)" is the
-- null-safe comparison written out.
create temp table m_d_song (like d_song);

insert into m_d_song (song_id, title, artist_id, artist_name, year, duration)
select s.song_id, s.title, s.artist_id, s.artist_name, s.year, s.duration
from (
  select c.*, row_number() over (partition by song_id order by source desc) as copy_rank
  from s_song as c
  where run_id = :run_id
) as s
left join d_song as t
  on t.song_id = s.song_id
where s.copy_rank = 1
  and (t.song_id is null
       or t.title <> s.title
       or t.artist_id <> s.artist_id
       or t.artist_name <> s.artist_name
       or t.year <> s.year or (t.year is null) <> (s.year is null)
       or t.duration <> s.duration);

merge into d_song
using m_d_song as s
on d_song.song_id = s.song_id
when matched then
  update set title = s.title, artist_id = s.artist_id, artist_name = s.artist_name,
             year = s.year, duration = s.duration
when not matched then
  insert (song_id, title, artist_id, artist_name, year, duration)
  values (s.song_id, s.title, s.artist_id, s.artist_name, s.year, s.duration);

drop table m_d_song
