-- Dialect: merge.redshift.sql adds the same rows as an INSERT of the keys not yet present
-- (Redshift's MERGE needs a WHEN MATCHED action); the select of this run's keys is the same.
merge into movie_keyword as t
using (
  select distinct movie_id, keyword_id
  from s_movie_keyword
  where run_id = :run_id
) as s
on t.movie_id = s.movie_id and t.keyword_id = s.keyword_id
when not matched then
  insert (movie_id, keyword_id) values (s.movie_id, s.keyword_id)
