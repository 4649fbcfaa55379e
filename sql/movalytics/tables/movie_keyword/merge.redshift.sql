-- movie_keyword: the (movie, keyword) pairs listed by this run's movies. Pairs never change once
-- written, so only new ones are inserted (Redshift's MERGE needs a WHEN MATCHED action).
--
-- Dialect: twin of merge.postgres.sql; both add the same rows (SqlDialectsTest runs both).
-- Same: the select of this run's keys. Differs: an INSERT of the keys not yet present
-- instead of a MERGE with only WHEN NOT MATCHED, because Redshift's MERGE needs a WHEN
-- MATCHED action.
insert into movie_keyword (movie_id, keyword_id)
select s.movie_id, s.keyword_id
from (
  select distinct movie_id, keyword_id
  from s_movie_keyword
  where run_id = :run_id
) as s
left join movie_keyword as t
  on t.movie_id = s.movie_id
 and t.keyword_id = s.keyword_id
where t.movie_id is null
