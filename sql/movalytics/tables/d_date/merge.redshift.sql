-- d_date: every release date of this run's movies. Rows never change once written, so only new
-- dates are inserted (Redshift's MERGE needs a WHEN MATCHED action, which this table has none of).
--
-- Dialect: twin of merge.postgres.sql; both add the same rows (SqlDialectsTest runs both).
-- Same: the select of this run's keys. Differs: an INSERT of the keys not yet present
-- instead of a MERGE with only WHEN NOT MATCHED, because Redshift's MERGE needs a WHEN
-- MATCHED action.
insert into d_date (date, day, week, month, quarter, year)
select s.date,
       extract(day from s.date),
       extract(week from s.date),
       extract(month from s.date),
       extract(quarter from s.date),
       extract(year from s.date)
from (
  select distinct cast(release_date as date) as date
  from s_movie
  where run_id = :run_id
    and release_date is not null
) as s
left join d_date as t
  on t.date = s.date
where t.date is null
