-- One row per month of the FRED series CUSR0000SS62031 (CPI-U, admission to movies, theaters and
-- concerts, US city average, seasonally adjusted).
create table if not exists d_cpi (
  month_start  date          not null primary key,
  cpi          numeric(9,3)  not null
);
