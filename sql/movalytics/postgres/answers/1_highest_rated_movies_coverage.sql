select count(*) as ratings,
       count(distinct user_id) as users,
       count(distinct movie_id) as rated_movies,
       round(avg(rating), 4) as mean_rating_c,
       cast(:min_ratings as integer) as min_ratings_m,
       (select count(*)
        from (select movie_id from f_rating group by movie_id having count(*) >= :min_ratings) as q) as movies_ranked,
       cast(min(rated_at) as date) as first_rating,
       cast(max(rated_at) as date) as last_rating
from f_rating
