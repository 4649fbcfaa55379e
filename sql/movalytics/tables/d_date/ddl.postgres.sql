-- One row per release date. week: ISO week; quarter 1-4.
create table if not exists d_date (
  date     date      not null primary key,
  day      smallint  not null,
  week     smallint  not null,
  month    smallint  not null,
  quarter  smallint  not null,
  year     smallint  not null
);
