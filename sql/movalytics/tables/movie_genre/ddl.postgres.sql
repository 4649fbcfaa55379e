-- One row per (movie, genre): the genres a movie is listed under.
create table if not exists movie_genre (
  movie_id  bigint  not null,
  genre_id  bigint  not null,
  primary key (movie_id, genre_id)
);
