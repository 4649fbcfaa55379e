create table if not exists f_sale (
  sale_id  bigint  not null primary key,
  item_id  bigint
);
