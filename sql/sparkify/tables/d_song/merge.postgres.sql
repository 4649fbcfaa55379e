-- d_song from this run's songs; a song id read from several files keeps the file whose URI sorts
-- last. Rows change only when a value differs, so a repeated load changes nothing.
--
-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into d_song as t
using (
  select song_id, title, artist_id, artist_name, year, duration
  from (
    select s.*, row_number() over (partition by song_id order by source desc) as copy_rank
    from s_song as s
    where run_id = :run_id
  ) as copies
  where copy_rank = 1
) as s
on t.song_id = s.song_id
when matched and (t.title, t.artist_id, t.artist_name, t.year, t.duration)
    is distinct from (s.title, s.artist_id, s.artist_name, s.year, s.duration) then
  update set title = s.title, artist_id = s.artist_id, artist_name = s.artist_name,
             year = s.year, duration = s.duration
when not matched then
  insert (song_id, title, artist_id, artist_name, year, duration)
  values (s.song_id, s.title, s.artist_id, s.artist_name, s.year, s.duration)
