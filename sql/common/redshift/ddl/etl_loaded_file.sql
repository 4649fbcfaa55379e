-- The file manifest of incremental inputs: one row per file a run selected to read, with what
-- identified its version (size, modification time, checksum: the file system's — an S3 ETag — or
-- the SHA-256 of its bytes). current_version turns true in the transaction that publishes the
-- run (and false for the versions it replaces), so a file counts as loaded only once its rows are
-- in the final tables; a run that failed leaves its rows false and the next run reads the file
-- again. Small: a copy on every node.
create table if not exists etl_loaded_file (
  pipeline     varchar(64)    not null,
  step         varchar(128)   not null,
  uri          varchar(2048)  not null,
  size_bytes   bigint         not null,
  modified_at  timestamp      not null,
  checksum     varchar(256)   not null,
  run_id       varchar(64)    not null,
  current_version boolean     not null default false,
  primary key (run_id, uri)
)
diststyle all
sortkey (pipeline, step, uri);
