-- d_time: every timestamp of a song play (NextSong event) of this run, broken down. Times are UTC.
--
-- Dialect: merge.redshift.sql adds the same rows as an INSERT of the keys not yet present
-- (Redshift's MERGE needs a WHEN MATCHED action); the select of this run's keys is the same.
merge into d_time as t
using (
  select distinct ts as start_time
  from s_songplay_event
  where run_id = :run_id
    and page = 'NextSong'
) as s
on t.start_time = s.start_time
when not matched then
  insert (start_time, hour, day, week, month, year, weekday)
  values (s.start_time,
          extract(hour from s.start_time),
          extract(day from s.start_time),
          extract(week from s.start_time),
          extract(month from s.start_time),
          extract(year from s.start_time),
          extract(isodow from s.start_time))
