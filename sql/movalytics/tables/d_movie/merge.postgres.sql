-- d_movie: one row per movie id (the first record of an id is kept, in Beam; here a retried
-- bundle's copy is dropped the same way: lowest source, then line).
--
-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into d_movie as t
using (
  select *
  from (
    select m.*, row_number() over (partition by movie_id order by source, line) as copy_rank
    from s_movie as m
    where run_id = :run_id
  ) as copies
  where copy_rank = 1
) as s
on t.movie_id = s.movie_id
when matched and (t.imdb_id, t.title, t.original_title, t.original_language, t.is_adult, t.budget,
                  t.revenue, t.popularity, t.vote_count, t.vote_average, t.runtime, t.release_date,
                  t.revenue_cpi_adjusted, t.cpi_base_month)
    is distinct from (s.imdb_id, s.title, s.original_title, s.original_language, s.is_adult, s.budget,
                      s.revenue, s.popularity, s.vote_count, s.vote_average, s.runtime,
                      cast(s.release_date as date), s.revenue_cpi_adjusted, cast(s.cpi_base_month as date)) then
  update set imdb_id = s.imdb_id, title = s.title, original_title = s.original_title,
             original_language = s.original_language, is_adult = s.is_adult, budget = s.budget,
             revenue = s.revenue, popularity = s.popularity, vote_count = s.vote_count,
             vote_average = s.vote_average, runtime = s.runtime,
             release_date = cast(s.release_date as date),
             revenue_cpi_adjusted = s.revenue_cpi_adjusted,
             cpi_base_month = cast(s.cpi_base_month as date)
when not matched then
  insert (movie_id, imdb_id, title, original_title, original_language, is_adult, budget, revenue,
          popularity, vote_count, vote_average, runtime, release_date, revenue_cpi_adjusted,
          cpi_base_month)
  values (s.movie_id, s.imdb_id, s.title, s.original_title, s.original_language, s.is_adult,
          s.budget, s.revenue, s.popularity, s.vote_count, s.vote_average, s.runtime,
          cast(s.release_date as date), s.revenue_cpi_adjusted, cast(s.cpi_base_month as date))
