select count(*) as movies_cpi_adjusted,
       min(cast(extract(year from release_date) as integer)) as first_year,
       max(cast(extract(year from release_date) as integer)) as last_year,
       min(cpi_base_month) as cpi_base_month,
       (select count(*) from d_movie where revenue is not null) - count(*) as revenue_outside_cpi_or_undated
from d_movie
where revenue_cpi_adjusted is not null
