-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into movie_cast as t
using (
  select distinct credit_id, movie_id, person_id, character, cast_order
  from s_movie_cast
  where run_id = :run_id
) as s
on t.credit_id = s.credit_id
when matched and (t.movie_id, t.person_id, t.character, t.cast_order)
    is distinct from (s.movie_id, s.person_id, s.character, s.cast_order) then
  update set movie_id = s.movie_id, person_id = s.person_id, character = s.character, cast_order = s.cast_order
when not matched then
  insert (credit_id, movie_id, person_id, character, cast_order)
  values (s.credit_id, s.movie_id, s.person_id, s.character, s.cast_order)
