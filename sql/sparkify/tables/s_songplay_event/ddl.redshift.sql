-- Staging: every event of the logs read by a run (all pages, logged-out visits too), typed.
-- Filled by COPY from S3 and emptied by the next run: spread evenly.
create table if not exists s_songplay_event (
  run_id           varchar(64)    not null,
  source           varchar(2048)  not null,
  line             bigint         not null,
  event_id         varchar(32)    not null,
  ts               timestamp      not null,
  user_id          integer,
  first_name       varchar(256),
  last_name        varchar(256),
  gender           varchar(16),
  level            varchar(16),
  location         varchar(1024),
  user_agent       varchar(1024),
  session_id       bigint         not null,
  item_in_session  integer        not null,
  page             varchar(64)    not null,
  auth             varchar(32),
  method           varchar(16),
  status           integer,
  song             varchar(1024),
  artist           varchar(1024),
  length           numeric(12,5),
  registered_at    timestamp
)
diststyle even;
