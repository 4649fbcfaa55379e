-- One row per NextSong event. songplay_id = md5(session_id|item_in_session|ts); song_id and
-- artist_id are null when no song/artist matches (rules in merge.postgres.sql beside this file).
-- Distributed on start_time, its join key with d_time (the only dimension not copied to every
-- node), and sorted by it, since analyses filter by time. song_id would skew: most plays have none.
create table if not exists f_songplay (
  songplay_id      varchar(32)    not null primary key,
  start_time       timestamp      not null,
  user_id          integer        not null,
  level            varchar(16)    not null,
  song_id          varchar(64),
  artist_id        varchar(64),
  session_id       bigint         not null,
  item_in_session  integer        not null,
  location         varchar(1024),
  user_agent       varchar(1024)  encode zstd
)
distkey (start_time)
sortkey (start_time);
