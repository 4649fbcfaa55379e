-- Every record a run could not read, parse or validate, with where it came from and why.
create table if not exists etl_dead_letter (
  pipeline    varchar(64)   not null,
  run_id      varchar(64)   not null,
  step        varchar(128)  not null,
  source      text          not null,
  position    bigint        not null,
  reason      varchar(64)   not null,
  message     text          not null,
  raw         text          not null,
  recorded_at timestamp     not null default (now() at time zone 'utc')
);
create index if not exists etl_dead_letter_run_idx on etl_dead_letter (run_id, reason);
