-- d_genre: one row per genre id; if an id carries several names, the alphabetically first wins.
--
-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into d_genre as t
using (
  select genre_id, min(genre_name) as name
  from s_movie_genre
  where run_id = :run_id
  group by genre_id
) as s
on t.genre_id = s.genre_id
when matched and t.name <> s.name then
  update set name = s.name
when not matched then
  insert (genre_id, name) values (s.genre_id, s.name)
