create table if not exists movie_keyword (
  movie_id    bigint  not null,
  keyword_id  bigint  not null,
  primary key (movie_id, keyword_id)
);
