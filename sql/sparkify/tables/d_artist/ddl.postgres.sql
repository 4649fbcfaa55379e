-- One row per artist id. Attributes come from one song file's variant, chosen by the rule in
-- merge.postgres.sql beside this file.
create table if not exists d_artist (
  artist_id  varchar(64)    not null primary key,
  name       varchar(1024)  not null,
  location   varchar(1024),
  latitude   numeric(9,6),
  longitude  numeric(10,6)
);
