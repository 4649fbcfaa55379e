-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into movie_crew as t
using (
  select distinct credit_id, movie_id, person_id, department, job
  from s_movie_crew
  where run_id = :run_id
) as s
on t.credit_id = s.credit_id
when matched and (t.movie_id, t.person_id, t.department, t.job)
    is distinct from (s.movie_id, s.person_id, s.department, s.job) then
  update set movie_id = s.movie_id, person_id = s.person_id, department = s.department, job = s.job
when not matched then
  insert (credit_id, movie_id, person_id, department, job)
  values (s.credit_id, s.movie_id, s.person_id, s.department, s.job)
