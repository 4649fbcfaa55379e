-- Staging: every rating whose movie resolved through links to a loaded movie (movie_id = TMDB id).
create table if not exists s_rating (
  run_id        varchar(64)    not null,
  source        text           not null,
  line          bigint         not null,
  user_id       bigint         not null,
  movielens_id  bigint         not null,
  movie_id      bigint         not null,
  rating        numeric(2,1)   not null,
  rated_at      timestamp      not null
);
