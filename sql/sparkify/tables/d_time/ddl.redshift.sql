-- One row per song-play timestamp (UTC, millisecond grain). week: ISO week; weekday: ISO, 1 = Monday.
-- As many rows as plays, so not copied to every node: distributed like f_songplay (start_time),
-- so the fact-to-time join is local to each slice.
create table if not exists d_time (
  start_time  timestamp  not null primary key,
  hour        smallint   not null,
  day         smallint   not null,
  week        smallint   not null,
  month       smallint   not null,
  year        smallint   not null,
  weekday     smallint   not null
)
distkey (start_time)
sortkey (start_time);
