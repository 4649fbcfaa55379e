-- The same Bayesian weighting over TMDB's own votes: v = vote_count, R = vote_average,
-- C = the mean vote_average of movies with votes, m = :min_votes.
with overall as (
  select avg(vote_average) as c from d_movie where vote_count > 0
),
scored as (
  select m.movie_id, m.title, m.release_date, m.vote_count, m.vote_average,
         m.vote_count / (m.vote_count + cast(:min_votes as numeric)) * m.vote_average
           + cast(:min_votes as numeric) / (m.vote_count + cast(:min_votes as numeric)) * o.c as weighted
  from d_movie as m
  cross join overall as o
  where m.vote_count >= :min_votes
)
select row_number() over (order by weighted desc, vote_count desc, movie_id) as rank,
       movie_id,
       title,
       cast(extract(year from release_date) as integer) as year,
       vote_count,
       vote_average,
       round(weighted, 4) as weighted_rating
from scored
order by rank
limit 20
