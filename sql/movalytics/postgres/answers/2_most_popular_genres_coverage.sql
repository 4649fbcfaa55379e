select count(*) as ratings,
       count(*) filter (where exists (select 1 from movie_genre as mg where mg.movie_id = r.movie_id))
         as ratings_of_movies_with_genres,
       (select count(*) from d_genre) as genres
from f_rating as r
