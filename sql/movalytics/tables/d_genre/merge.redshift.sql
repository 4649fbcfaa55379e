-- d_genre: one row per genre id; if an id carries several names, the alphabetically first wins.
-- Only new ids and changed names reach the MERGE (its source must be a table, without conditions).
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_d_genre, which is then
-- merged without conditions and dropped.
create temp table m_d_genre (like d_genre);

insert into m_d_genre (genre_id, name)
select s.genre_id, s.name
from (
  select genre_id, min(genre_name) as name
  from s_movie_genre
  where run_id = :run_id
  group by genre_id
) as s
left join d_genre as t
  on t.genre_id = s.genre_id
where t.genre_id is null
   or t.name <> s.name;

merge into d_genre
using m_d_genre as s
on d_genre.genre_id = s.genre_id
when matched then
  update set name = s.name
when not matched then
  insert (genre_id, name) values (s.genre_id, s.name);

drop table m_d_genre
