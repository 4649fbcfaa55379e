create table if not exists fk_unknown_column (
  id  bigint  not null,
  item_id  bigint
);
