-- d_person: everyone credited in this run's cast or crew; name and gender from the person's
-- credit with the smallest (movie_id, credit_id). Only new people and changed values reach the
-- MERGE.
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_d_person, which is then
-- merged without conditions and dropped.
-- Redshift has no IS DISTINCT FROM: "a <> b or (a is null) <> (b is null)" is the
-- null-safe comparison written out.
create temp table m_d_person (like d_person);

insert into m_d_person (person_id, name, gender)
select s.person_id, s.name, s.gender
from (
  select person_id, person_name as name, gender,
         row_number() over (partition by person_id order by movie_id, credit_id) as pick
  from (
    select person_id, person_name, gender, movie_id, credit_id from s_movie_cast where run_id = :run_id
    union all
    select person_id, person_name, gender, movie_id, credit_id from s_movie_crew where run_id = :run_id
  ) as credits
) as s
left join d_person as t
  on t.person_id = s.person_id
where s.pick = 1
  and (t.person_id is null
       or t.name <> s.name
       or t.gender <> s.gender or (t.gender is null) <> (s.gender is null));

merge into d_person
using m_d_person as s
on d_person.person_id = s.person_id
when matched then
  update set name = s.name, gender = s.gender
when not matched then
  insert (person_id, name, gender) values (s.person_id, s.name, s.gender);

drop table m_d_person
