-- d_keyword: one row per keyword id; if an id carries several names, the alphabetically first wins.
-- Only new ids and changed names reach the MERGE (its source must be a table, without conditions).
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_d_keyword, which is then
-- merged without conditions and dropped.
create temp table m_d_keyword (like d_keyword);

insert into m_d_keyword (keyword_id, name)
select s.keyword_id, s.name
from (
  select keyword_id, min(keyword_name) as name
  from s_movie_keyword
  where run_id = :run_id
  group by keyword_id
) as s
left join d_keyword as t
  on t.keyword_id = s.keyword_id
where t.keyword_id is null
   or t.name <> s.name;

merge into d_keyword
using m_d_keyword as s
on d_keyword.keyword_id = s.keyword_id
when matched then
  update set name = s.name
when not matched then
  insert (keyword_id, name) values (s.keyword_id, s.name);

drop table m_d_keyword
