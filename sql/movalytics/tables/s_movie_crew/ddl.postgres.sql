create table if not exists s_movie_crew (
  run_id       varchar(64)    not null,
  movie_id     bigint         not null,
  credit_id    varchar(64)    not null,
  person_id    bigint         not null,
  person_name  varchar(1024)  not null,
  gender       integer,
  department   varchar(256),
  job          varchar(256)
);
