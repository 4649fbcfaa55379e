-- One row per crew credit; directors are job = 'Director'. Distributed and sorted on movie_id.
create table if not exists movie_crew (
  credit_id   varchar(64)   not null primary key,
  movie_id    bigint        not null,
  person_id   bigint        not null,
  department  varchar(256),
  job         varchar(256)
)
distkey (movie_id)
sortkey (movie_id);
