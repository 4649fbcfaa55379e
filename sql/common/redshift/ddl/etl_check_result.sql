-- The outcome of every data-quality check of every run (kept even when the check failed the run).
create table if not exists etl_check_result (
  run_id      varchar(64)     not null,
  pipeline    varchar(64)     not null,
  check_name  varchar(200)    not null,
  status      varchar(8)      not null,
  violations  bigint          not null,
  sample      varchar(65535)  not null,
  checked_at  timestamp       not null default getdate()
)
diststyle all
sortkey (run_id);
