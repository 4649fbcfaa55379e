-- d_cpi from this run's CPI months (one per month, de-duplicated in Beam).
--
-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into d_cpi as t
using (
  select distinct cast(month_start as date) as month_start, cpi
  from s_cpi
  where run_id = :run_id
) as s
on t.month_start = s.month_start
when matched and t.cpi <> s.cpi then
  update set cpi = s.cpi
when not matched then
  insert (month_start, cpi) values (s.month_start, s.cpi)
