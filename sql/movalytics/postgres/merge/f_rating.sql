-- f_rating: one row per (user, TMDB movie). A repeated rating keeps the latest (rated_at; ties:
-- the higher rating, then the later line). Two MovieLens ids linked to one TMDB movie count as
-- the same movie. An existing row is replaced only by a rating at least as recent.
merge into f_rating as t
using (
  select user_id, movie_id, rating, rated_at
  from (
    select r.*,
           row_number() over (
             partition by user_id, movie_id
             order by rated_at desc, rating desc, source desc, line desc) as recency
    from s_rating as r
    where run_id = :run_id
  ) as ranked
  where recency = 1
) as s
on t.user_id = s.user_id and t.movie_id = s.movie_id
when matched and s.rated_at >= t.rated_at and (t.rating, t.rated_at) is distinct from (s.rating, s.rated_at) then
  update set rating = s.rating, rated_at = s.rated_at
when not matched then
  insert (user_id, movie_id, rating, rated_at) values (s.user_id, s.movie_id, s.rating, s.rated_at)
