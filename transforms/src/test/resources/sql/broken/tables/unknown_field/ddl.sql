create table if not exists unknown_field (
  id  bigint  not null,
  item_id  bigint
);
