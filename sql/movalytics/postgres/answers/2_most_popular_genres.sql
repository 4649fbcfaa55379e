-- Popularity with users: ratings of the genre's movies (a movie counts for each of its genres),
-- distinct users who rated them, and their mean rating.
with rated as (
  select g.name as genre, r.user_id, r.rating
  from f_rating as r
  inner join movie_genre as mg
    on mg.movie_id = r.movie_id
  inner join d_genre as g
    on g.genre_id = mg.genre_id
)
select genre,
       count(*) as ratings,
       count(distinct user_id) as users,
       round(avg(rating), 3) as mean_rating,
       rank() over (order by count(*) desc) as rank_by_ratings,
       rank() over (order by avg(rating) desc) as rank_by_mean_rating
from rated
group by genre
order by ratings desc, genre
