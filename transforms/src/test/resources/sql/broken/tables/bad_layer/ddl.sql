create table if not exists bad_layer (
  id  bigint  not null,
  item_id  bigint
);
