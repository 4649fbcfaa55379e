-- One row per run of any warehouse load: what ran, with which arguments (secrets masked), how it
-- ended, rows per table, dead letters per reason and each source's accounting (JSON text).
create table if not exists etl_run (
  run_id                 varchar(64)   not null primary key,
  pipeline               varchar(64)   not null,
  arguments              text          not null,
  started_at             timestamp     not null,
  ended_at               timestamp,
  status                 varchar(16)   not null,
  rows_per_table         text,
  dead_letters_by_reason text,
  message                text,
  accounting             text
);
-- Warehouses created before the accounting column existed gain it.
alter table etl_run add column if not exists accounting text
