-- CPI-adjusted revenue by genre, over the movies inside the CPI series (a movie counts for each
-- of its genres): total, per movie, and the nominal total for comparison.
select g.name as genre,
       count(*) as movies,
       sum(m.revenue_cpi_adjusted) as total_revenue_cpi_adjusted,
       round(avg(m.revenue_cpi_adjusted)) as revenue_per_movie_cpi_adjusted,
       sum(m.revenue) as total_revenue_nominal
from d_movie as m
inner join movie_genre as mg
  on mg.movie_id = m.movie_id
inner join d_genre as g
  on g.genre_id = mg.genre_id
where m.revenue_cpi_adjusted is not null
group by g.name
order by total_revenue_cpi_adjusted desc, genre
