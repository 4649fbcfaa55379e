-- Bayesian weighted rating (the IMDb top-list formula): WR = v/(v+m)*R + m/(v+m)*C, where v is the
-- movie's number of ratings, R its mean rating, C the mean of all ratings and m = :min_ratings.
-- Only movies with at least m ratings rank. Ties: more ratings first, then the smaller movie id.
with per_movie as (
  select movie_id, count(*) as ratings, avg(rating) as mean_rating
  from f_rating
  group by movie_id
),
overall as (
  select avg(rating) as c from f_rating
),
scored as (
  select p.movie_id, p.ratings, p.mean_rating,
         p.ratings / (p.ratings + cast(:min_ratings as numeric)) * p.mean_rating
           + cast(:min_ratings as numeric) / (p.ratings + cast(:min_ratings as numeric)) * o.c as weighted
  from per_movie as p
  cross join overall as o
  where p.ratings >= :min_ratings
)
select row_number() over (order by s.weighted desc, s.ratings desc, s.movie_id) as rank,
       s.movie_id,
       m.title,
       cast(extract(year from m.release_date) as integer) as year,
       s.ratings,
       round(s.mean_rating, 3) as mean_rating,
       round(s.weighted, 4) as weighted_rating
from scored as s
inner join d_movie as m
  on m.movie_id = s.movie_id
order by rank
limit 20
