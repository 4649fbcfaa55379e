create table if not exists d_keyword (
  keyword_id  bigint         not null primary key,
  name        varchar(1024)  not null
);
