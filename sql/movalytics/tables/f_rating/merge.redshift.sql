-- f_rating: one row per (user, TMDB movie). A repeated rating keeps the latest (rated_at; ties:
-- the higher rating, then the later line). Two MovieLens ids linked to one TMDB movie count as
-- the same movie. An existing row is replaced only by a rating at least as recent.
-- Redshift has no DISTINCT ON: row_number() picks each key's rating. m_f_rating is created like
-- f_rating, so it is distributed on movie_id too and the MERGE joins slice by slice.
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_f_rating, which is then
-- merged without conditions and dropped.
-- Redshift has no IS DISTINCT FROM: rating and rated_at are never null, so plain <> compares.
-- Redshift has no DISTINCT ON: row_number() picks each key's row.
create temp table m_f_rating (like f_rating);

insert into m_f_rating (user_id, movie_id, rating, rated_at)
select s.user_id, s.movie_id, s.rating, s.rated_at
from (
  select user_id, movie_id, rating, rated_at,
         row_number() over (
           partition by user_id, movie_id
           order by rated_at desc, rating desc, source desc, line desc) as pick
  from s_rating
  where run_id = :run_id
) as s
left join f_rating as t
  on t.user_id = s.user_id
 and t.movie_id = s.movie_id
where s.pick = 1
  and (t.user_id is null
       or s.rated_at > t.rated_at
       or (s.rated_at = t.rated_at and s.rating <> t.rating));

merge into f_rating
using m_f_rating as s
on f_rating.user_id = s.user_id and f_rating.movie_id = s.movie_id
when matched then
  update set rating = s.rating, rated_at = s.rated_at
when not matched then
  insert (user_id, movie_id, rating, rated_at) values (s.user_id, s.movie_id, s.rating, s.rated_at);

drop table m_f_rating
