create table if not exists no_key (
  id  bigint  not null,
  item_id  bigint
);
