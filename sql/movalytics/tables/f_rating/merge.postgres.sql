-- f_rating: one row per (user, TMDB movie). A repeated rating keeps the latest (rated_at; ties:
-- the higher rating, then the later line). Two MovieLens ids linked to one TMDB movie count as
-- the same movie. An existing row is replaced only by a rating at least as recent.
-- DISTINCT ON keeps the first row of each key in one sort (cheaper than a window function over
-- tens of millions of rows); only the columns the MERGE needs are sorted.
--
-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into f_rating as t
using (
  select distinct on (user_id, movie_id) user_id, movie_id, rating, rated_at
  from s_rating
  where run_id = :run_id
  order by user_id, movie_id, rated_at desc, rating desc, source desc, line desc
) as s
on t.user_id = s.user_id and t.movie_id = s.movie_id
when matched and s.rated_at >= t.rated_at and (t.rating, t.rated_at) is distinct from (s.rating, s.rated_at) then
  update set rating = s.rating, rated_at = s.rated_at
when not matched then
  insert (user_id, movie_id, rating, rated_at) values (s.user_id, s.movie_id, s.rating, s.rated_at)
