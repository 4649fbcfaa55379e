-- movie_genre: the (movie, genre) pairs listed by this run's movies.
--
-- Dialect: merge.redshift.sql adds the same rows as an INSERT of the keys not yet present
-- (Redshift's MERGE needs a WHEN MATCHED action); the select of this run's keys is the same.
merge into movie_genre as t
using (
  select distinct movie_id, genre_id
  from s_movie_genre
  where run_id = :run_id
) as s
on t.movie_id = s.movie_id and t.genre_id = s.genre_id
when not matched then
  insert (movie_id, genre_id) values (s.movie_id, s.genre_id)
