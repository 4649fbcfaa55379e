-- One row per song id. artist_name is the name printed on the song file (used to match plays).
create table if not exists d_song (
  song_id      varchar(64)    not null primary key,
  title        varchar(1024)  not null,
  artist_id    varchar(64)    not null,
  artist_name  varchar(1024)  not null,
  year         integer,
  duration     numeric(12,5)  not null
);
create index if not exists d_song_match_idx on d_song (title, artist_name);
