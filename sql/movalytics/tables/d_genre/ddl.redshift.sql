-- One row per genre. Small: a copy on every node.
create table if not exists d_genre (
  genre_id  bigint        not null primary key,
  name      varchar(256)  not null
)
diststyle all
sortkey (genre_id);
