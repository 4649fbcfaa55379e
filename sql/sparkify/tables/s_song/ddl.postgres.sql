-- Staging: one row per song file read by a run (not de-duplicated; every MERGE does that).
create table if not exists s_song (
  run_id            varchar(64)    not null,
  source            text           not null,
  song_id           varchar(64)    not null,
  title             varchar(1024)  not null,
  artist_id         varchar(64)    not null,
  artist_name       varchar(1024)  not null,
  artist_location   varchar(1024),
  artist_latitude   numeric(9,6),
  artist_longitude  numeric(10,6),
  year              integer,
  duration          numeric(12,5)  not null,
  num_songs         integer
);
