-- d_keyword: one row per keyword id; if an id carries several names, the alphabetically first wins.
--
-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into d_keyword as t
using (
  select keyword_id, min(keyword_name) as name
  from s_movie_keyword
  where run_id = :run_id
  group by keyword_id
) as s
on t.keyword_id = s.keyword_id
when matched and t.name <> s.name then
  update set name = s.name
when not matched then
  insert (keyword_id, name) values (s.keyword_id, s.name)
