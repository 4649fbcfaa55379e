-- d_date: every release date of this run's movies.
--
-- Dialect: merge.redshift.sql adds the same rows as an INSERT of the keys not yet present
-- (Redshift's MERGE needs a WHEN MATCHED action); the select of this run's keys is the same.
merge into d_date as t
using (
  select distinct cast(release_date as date) as date
  from s_movie
  where run_id = :run_id
    and release_date is not null
) as s
on t.date = s.date
when not matched then
  insert (date, day, week, month, quarter, year)
  values (s.date,
          extract(day from s.date),
          extract(week from s.date),
          extract(month from s.date),
          extract(quarter from s.date),
          extract(year from s.date))
