-- d_person: everyone credited in this run's cast or crew; name and gender from the person's
-- credit with the smallest (movie_id, credit_id).
--
-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into d_person as t
using (
  select person_id, name, gender
  from (
    select person_id, person_name as name, gender,
           row_number() over (partition by person_id order by movie_id, credit_id) as pick
    from (
      select person_id, person_name, gender, movie_id, credit_id from s_movie_cast where run_id = :run_id
      union all
      select person_id, person_name, gender, movie_id, credit_id from s_movie_crew where run_id = :run_id
    ) as credits
  ) as ranked
  where pick = 1
) as s
on t.person_id = s.person_id
when matched and (t.name, t.gender) is distinct from (s.name, s.gender) then
  update set name = s.name, gender = s.gender
when not matched then
  insert (person_id, name, gender) values (s.person_id, s.name, s.gender)
