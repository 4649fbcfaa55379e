-- One row per song id. artist_name is the name printed on the song file (used to match plays).
-- A copy on every node; sorted by (title, artist_name), the columns plays are matched on.
create table if not exists d_song (
  song_id      varchar(64)    not null primary key,
  title        varchar(1024)  not null,
  artist_id    varchar(64)    not null,
  artist_name  varchar(1024)  not null,
  year         integer,
  duration     numeric(12,5)  not null
)
diststyle all
sortkey (title, artist_name);
