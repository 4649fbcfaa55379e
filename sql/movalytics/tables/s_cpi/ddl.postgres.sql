create table if not exists s_cpi (
  run_id       varchar(64)    not null,
  source       text           not null,
  line         bigint         not null,
  month_start  timestamp      not null,
  cpi          numeric(9,3)   not null
);
