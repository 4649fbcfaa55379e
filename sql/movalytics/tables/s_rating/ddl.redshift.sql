-- Staging: every rating whose movie resolved through links to a loaded movie (movie_id = TMDB id).
-- Distributed like f_rating (movie_id), so the MERGE never moves either table.
create table if not exists s_rating (
  run_id        varchar(64)    not null,
  source        varchar(2048)  not null,
  line          bigint         not null,
  user_id       bigint         not null,
  movielens_id  bigint         not null,
  movie_id      bigint         not null,
  rating        numeric(2,1)   not null,
  rated_at      timestamp      not null
)
distkey (movie_id);
