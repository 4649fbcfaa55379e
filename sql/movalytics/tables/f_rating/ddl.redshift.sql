-- One row per (user, movie): the user's latest rating of the movie (0.5-5.0). The fact table (26 M
-- rows at full scale): distributed on movie_id, its join key with d_movie and movie_genre and the
-- key every question groups by, and sorted by time. Staging (s_rating) is distributed the same way,
-- so the MERGE joins slice by slice.
create table if not exists f_rating (
  user_id   bigint        not null encode az64,
  movie_id  bigint        not null encode az64,
  rating    numeric(2,1)  not null encode az64,
  rated_at  timestamp     not null encode az64,
  primary key (user_id, movie_id)
)
distkey (movie_id)
sortkey (rated_at);
