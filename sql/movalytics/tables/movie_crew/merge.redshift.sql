-- movie_crew: one row per crew credit of this run's movies. Only new credits and changed values
-- reach the MERGE.
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_movie_crew, which is then
-- merged without conditions and dropped.
-- Redshift has no IS DISTINCT FROM: "a <> b or (a is null) <> (b is null)" is the
-- null-safe comparison written out.
create temp table m_movie_crew (like movie_crew);

insert into m_movie_crew (credit_id, movie_id, person_id, department, job)
select s.credit_id, s.movie_id, s.person_id, s.department, s.job
from (
  select distinct credit_id, movie_id, person_id, department, job
  from s_movie_crew
  where run_id = :run_id
) as s
left join movie_crew as t
  on t.credit_id = s.credit_id
where t.credit_id is null
   or t.movie_id <> s.movie_id
   or t.person_id <> s.person_id
   or t.department <> s.department or (t.department is null) <> (s.department is null)
   or t.job <> s.job or (t.job is null) <> (s.job is null);

merge into movie_crew
using m_movie_crew as s
on movie_crew.credit_id = s.credit_id
when matched then
  update set movie_id = s.movie_id, person_id = s.person_id, department = s.department, job = s.job
when not matched then
  insert (credit_id, movie_id, person_id, department, job)
  values (s.credit_id, s.movie_id, s.person_id, s.department, s.job);

drop table m_movie_crew
