-- d_genre: one row per genre id; if an id carries several names, the alphabetically first wins.
-- Only new ids and changed names reach the MERGE (its source must be a table, without conditions).
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
