create table if not exists s_item (
  run_id    varchar(64)   not null,
  item_id   bigint        not null,
  name      text,
  price     numeric(10,2),
  seen_at   timestamp
);
create table if not exists d_item (
  item_id   bigint        not null primary key,
  name      text,
  price     numeric(10,2),
  seen_at   timestamp
);
create table if not exists d_tag (
  tag_id    bigint        not null primary key,
  item_id   bigint
);
