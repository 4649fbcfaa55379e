-- movie_cast: one row per cast credit of this run's movies. Only new credits and changed values
-- reach the MERGE.
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_movie_cast, which is then
-- merged without conditions and dropped.
-- Redshift has no IS DISTINCT FROM: "a <> b or (a is null) <> (b is null)" is the
-- null-safe comparison written out.
create temp table m_movie_cast (like movie_cast);

insert into m_movie_cast (credit_id, movie_id, person_id, character, cast_order)
select s.credit_id, s.movie_id, s.person_id, s.character, s.cast_order
from (
  select distinct credit_id, movie_id, person_id, character, cast_order
  from s_movie_cast
  where run_id = :run_id
) as s
left join movie_cast as t
  on t.credit_id = s.credit_id
where t.credit_id is null
   or t.movie_id <> s.movie_id
   or t.person_id <> s.person_id
   or t.character <> s.character or (t.character is null) <> (s.character is null)
   or t.cast_order <> s.cast_order or (t.cast_order is null) <> (s.cast_order is null);

merge into movie_cast
using m_movie_cast as s
on movie_cast.credit_id = s.credit_id
when matched then
  update set movie_id = s.movie_id, person_id = s.person_id, character = s.character, cast_order = s.cast_order
when not matched then
  insert (credit_id, movie_id, person_id, character, cast_order)
  values (s.credit_id, s.movie_id, s.person_id, s.character, s.cast_order);

drop table m_movie_cast
