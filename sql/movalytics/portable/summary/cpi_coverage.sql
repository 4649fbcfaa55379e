-- Movies with known revenue and release date, and how many of them the CPI series covers.
select count(*) as with_revenue_and_date,
       count(revenue_cpi_adjusted) as cpi_adjusted,
       count(*) - count(revenue_cpi_adjusted) as outside_cpi_series,
       min(cpi_base_month) as cpi_base_month
from d_movie
where revenue is not null
  and release_date is not null
