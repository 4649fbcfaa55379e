create table if not exists s_sale (
  run_id   varchar(64)  not null,
  sale_id  bigint       not null,
  item_id  bigint
);
