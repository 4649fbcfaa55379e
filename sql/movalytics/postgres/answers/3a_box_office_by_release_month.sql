-- Movies with known revenue and release date, by release month: count, mean and median revenue,
-- nominal and CPI-adjusted (the adjusted figures cover the movies inside the CPI series only).
select cast(extract(month from release_date) as integer) as release_month,
       count(*) as movies,
       round(avg(revenue)) as mean_revenue,
       round(cast(percentile_cont(0.5) within group (order by revenue) as numeric)) as median_revenue,
       count(revenue_cpi_adjusted) as movies_cpi_adjusted,
       round(avg(revenue_cpi_adjusted)) as mean_revenue_cpi_adjusted,
       round(cast(percentile_cont(0.5) within group (order by revenue_cpi_adjusted) as numeric))
         as median_revenue_cpi_adjusted
from d_movie
where revenue is not null
  and release_date is not null
group by 1
order by 1
