-- d_time: every timestamp of a song play (NextSong event) of this run, broken down. Times are UTC.
-- Rows never change once written, so only new timestamps are inserted (Redshift's MERGE needs a
-- WHEN MATCHED action, which this table has none of). weekday is ISO (1 = Monday … 7 = Sunday),
-- made from dow (0 = Sunday), which both dialects have.
--
-- Dialect: twin of merge.postgres.sql; both add the same rows (SqlDialectsTest runs both).
-- Same: the select of this run's keys. Differs: an INSERT of the keys not yet present
-- instead of a MERGE with only WHEN NOT MATCHED, because Redshift's MERGE needs a WHEN
-- MATCHED action.
insert into d_time (start_time, hour, day, week, month, year, weekday)
select s.start_time,
       extract(hour from s.start_time),
       extract(day from s.start_time),
       extract(week from s.start_time),
       extract(month from s.start_time),
       extract(year from s.start_time),
       case extract(dow from s.start_time) when 0 then 7 else extract(dow from s.start_time) end
from (
  select distinct ts as start_time
  from s_songplay_event
  where run_id = :run_id
    and page = 'NextSong'
) as s
left join d_time as t
  on t.start_time = s.start_time
where t.start_time is null
