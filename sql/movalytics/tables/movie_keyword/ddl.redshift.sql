-- One row per (movie, keyword). Distributed and sorted on movie_id.
create table if not exists movie_keyword (
  movie_id    bigint  not null,
  keyword_id  bigint  not null,
  primary key (movie_id, keyword_id)
)
distkey (movie_id)
sortkey (movie_id);
