-- Staging: the genres listed by this run's movies.
create table if not exists s_movie_genre (
  run_id      varchar(64)    not null,
  movie_id    bigint         not null,
  genre_id    bigint         not null,
  genre_name  varchar(256)   not null,
  position    integer        not null
)
diststyle even;
