-- Staging: the keywords of this run's movies.
create table if not exists s_movie_keyword (
  run_id        varchar(64)    not null,
  movie_id      bigint         not null,
  keyword_id    bigint         not null,
  keyword_name  varchar(1024)  not null
)
distkey (movie_id);
