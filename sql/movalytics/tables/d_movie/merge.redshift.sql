-- d_movie: one row per movie id (the first record of an id is kept, in Beam; here a retried
-- bundle's copy is dropped the same way: lowest source, then line). Only new movies and movies
-- with a changed value reach the MERGE ("a <> b or (a is null) <> (b is null)" is the null-safe
-- comparison both dialects accept; Redshift has no IS DISTINCT FROM).
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_d_movie, which is then
-- merged without conditions and dropped.
-- Redshift has no IS DISTINCT FROM: "a <> b or (a is null) <> (b is null)" is the
-- null-safe comparison written out.
create temp table m_d_movie (like d_movie);

insert into m_d_movie (movie_id, imdb_id, title, original_title, original_language, is_adult,
                       budget, revenue, popularity, vote_count, vote_average, runtime, release_date,
                       revenue_cpi_adjusted, cpi_base_month)
select s.movie_id, s.imdb_id, s.title, s.original_title, s.original_language, s.is_adult,
       s.budget, s.revenue, s.popularity, s.vote_count, s.vote_average, s.runtime, s.release_date,
       s.revenue_cpi_adjusted, s.cpi_base_month
from (
  select m.movie_id, m.imdb_id, m.title, m.original_title, m.original_language, m.is_adult,
         m.budget, m.revenue, m.popularity, m.vote_count, m.vote_average, m.runtime,
         cast(m.release_date as date) as release_date, m.revenue_cpi_adjusted,
         cast(m.cpi_base_month as date) as cpi_base_month,
         row_number() over (partition by m.movie_id order by m.source, m.line) as copy_rank
  from s_movie as m
  where m.run_id = :run_id
) as s
left join d_movie as t
  on t.movie_id = s.movie_id
where s.copy_rank = 1
  and (t.movie_id is null
       or t.imdb_id <> s.imdb_id or (t.imdb_id is null) <> (s.imdb_id is null)
       or t.title <> s.title or (t.title is null) <> (s.title is null)
       or t.original_title <> s.original_title or (t.original_title is null) <> (s.original_title is null)
       or t.original_language <> s.original_language
       or (t.original_language is null) <> (s.original_language is null)
       or t.is_adult <> s.is_adult or (t.is_adult is null) <> (s.is_adult is null)
       or t.budget <> s.budget or (t.budget is null) <> (s.budget is null)
       or t.revenue <> s.revenue or (t.revenue is null) <> (s.revenue is null)
       or t.popularity <> s.popularity or (t.popularity is null) <> (s.popularity is null)
       or t.vote_count <> s.vote_count or (t.vote_count is null) <> (s.vote_count is null)
       or t.vote_average <> s.vote_average or (t.vote_average is null) <> (s.vote_average is null)
       or t.runtime <> s.runtime or (t.runtime is null) <> (s.runtime is null)
       or t.release_date <> s.release_date or (t.release_date is null) <> (s.release_date is null)
       or t.revenue_cpi_adjusted <> s.revenue_cpi_adjusted
       or (t.revenue_cpi_adjusted is null) <> (s.revenue_cpi_adjusted is null)
       or t.cpi_base_month <> s.cpi_base_month or (t.cpi_base_month is null) <> (s.cpi_base_month is null));

merge into d_movie
using m_d_movie as s
on d_movie.movie_id = s.movie_id
when matched then
  update set imdb_id = s.imdb_id, title = s.title, original_title = s.original_title,
             original_language = s.original_language, is_adult = s.is_adult, budget = s.budget,
             revenue = s.revenue, popularity = s.popularity, vote_count = s.vote_count,
             vote_average = s.vote_average, runtime = s.runtime, release_date = s.release_date,
             revenue_cpi_adjusted = s.revenue_cpi_adjusted, cpi_base_month = s.cpi_base_month
when not matched then
  insert (movie_id, imdb_id, title, original_title, original_language, is_adult, budget, revenue,
          popularity, vote_count, vote_average, runtime, release_date, revenue_cpi_adjusted,
          cpi_base_month)
  values (s.movie_id, s.imdb_id, s.title, s.original_title, s.original_language, s.is_adult,
          s.budget, s.revenue, s.popularity, s.vote_count, s.vote_average, s.runtime,
          s.release_date, s.revenue_cpi_adjusted, s.cpi_base_month);

drop table m_d_movie
