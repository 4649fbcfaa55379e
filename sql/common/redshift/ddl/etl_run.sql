-- One row per run of any warehouse load: what ran, with which arguments (secrets masked), how it
-- ended, rows per table, dead letters per reason and each source's accounting (JSON text).
-- Small: a copy on every node.
create table if not exists etl_run (
  run_id                 varchar(64)     not null primary key,
  pipeline               varchar(64)     not null,
  arguments              varchar(65535)  not null,
  started_at             timestamp       not null,
  ended_at               timestamp,
  status                 varchar(16)     not null,
  rows_per_table         varchar(65535),
  dead_letters_by_reason varchar(65535),
  message                varchar(65535),
  accounting             varchar(65535)
)
diststyle all
sortkey (started_at);
