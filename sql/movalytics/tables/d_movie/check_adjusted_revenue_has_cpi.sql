-- Violations: movies whose CPI-adjusted revenue disagrees with d_cpi (recomputed in SQL, to the
-- cent), or that have one without revenue.
select m.movie_id, m.revenue, m.revenue_cpi_adjusted, r.cpi as release_cpi, b.cpi as base_cpi
from d_movie as m
left join d_cpi as r
  on r.month_start = cast(date_trunc('month', m.release_date) as date)
left join d_cpi as b
  on b.month_start = m.cpi_base_month
where m.revenue_cpi_adjusted is not null
  and (m.revenue is null
       or r.cpi is null
       or b.cpi is null
       or abs(m.revenue_cpi_adjusted - round(m.revenue * b.cpi / r.cpi, 2)) > 0.01)
