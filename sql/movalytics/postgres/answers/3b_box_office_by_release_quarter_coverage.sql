select (select count(*) from d_movie) as movies,
       count(*) as with_revenue_and_date,
       min(cast(extract(year from release_date) as integer)) as first_year,
       max(cast(extract(year from release_date) as integer)) as last_year,
       count(revenue_cpi_adjusted) as cpi_adjusted,
       min(cast(extract(year from release_date) as integer)) filter (where revenue_cpi_adjusted is not null)
         as first_cpi_year,
       min(cpi_base_month) as cpi_base_month
from d_movie
where revenue is not null
  and release_date is not null
