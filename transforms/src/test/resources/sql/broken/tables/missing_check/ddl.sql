create table if not exists missing_check (
  id  bigint  not null,
  item_id  bigint
);
