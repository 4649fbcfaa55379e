-- Every record a run could not read, parse or validate, with where it came from and why.
-- raw holds at most 4,000 characters (DeadLetterText), which fits varchar(65535) bytes in UTF-8.
-- getdate() is UTC on Redshift.
create table if not exists etl_dead_letter (
  pipeline    varchar(64)     not null,
  run_id      varchar(64)     not null,
  step        varchar(128)    not null,
  source      varchar(2048)   not null,
  position    bigint          not null,
  reason      varchar(64)     not null,
  message     varchar(4096)   not null,
  raw         varchar(65535)  not null encode zstd,
  recorded_at timestamp       not null default getdate()
)
diststyle even
sortkey (run_id, reason);
