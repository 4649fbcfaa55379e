-- One row per (user, movie): the user's latest rating of the movie (0.5-5.0).
create table if not exists f_rating (
  user_id   bigint        not null,
  movie_id  bigint        not null,
  rating    numeric(2,1)  not null,
  rated_at  timestamp     not null,
  primary key (user_id, movie_id)
);
create index if not exists f_rating_movie_idx on f_rating (movie_id);
