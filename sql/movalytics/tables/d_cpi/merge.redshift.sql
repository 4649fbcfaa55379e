-- d_cpi from this run's CPI months (one per month, de-duplicated in Beam). Redshift's MERGE takes
-- a table as its source and no condition on WHEN MATCHED, so only new months and changed values
-- are put in m_d_cpi first.
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_d_cpi, which is then
-- merged without conditions and dropped.
create temp table m_d_cpi (like d_cpi);

insert into m_d_cpi (month_start, cpi)
select s.month_start, s.cpi
from (
  select distinct cast(month_start as date) as month_start, cpi
  from s_cpi
  where run_id = :run_id
) as s
left join d_cpi as t
  on t.month_start = s.month_start
where t.month_start is null
   or t.cpi <> s.cpi;

merge into d_cpi
using m_d_cpi as s
on d_cpi.month_start = s.month_start
when matched then
  update set cpi = s.cpi
when not matched then
  insert (month_start, cpi) values (s.month_start, s.cpi);

drop table m_d_cpi
