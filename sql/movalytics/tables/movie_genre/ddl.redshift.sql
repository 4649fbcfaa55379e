-- One row per (movie, genre): the genres a movie is listed under (about 100 k rows). A copy on
-- every node, so the genre questions join it to f_rating without moving f_rating.
create table if not exists movie_genre (
  movie_id  bigint  not null,
  genre_id  bigint  not null,
  primary key (movie_id, genre_id)
)
diststyle all
sortkey (movie_id, genre_id);
