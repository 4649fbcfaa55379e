create table if not exists d_item (
  item_id  bigint   not null primary key,
  price    numeric(9,2)
);
