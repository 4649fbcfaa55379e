-- One row per cast credit (credit_id is TMDB's). Hundreds of thousands of rows: distributed and
-- sorted on movie_id, the key questions join it by.
create table if not exists movie_cast (
  credit_id   varchar(64)    not null primary key,
  movie_id    bigint         not null,
  person_id   bigint         not null,
  character   varchar(1024),
  cast_order  integer
)
distkey (movie_id)
sortkey (movie_id);
