create table if not exists d_genre (
  genre_id  bigint        not null primary key,
  name      varchar(256)  not null
);
