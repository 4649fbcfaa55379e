-- movie_genre: the (movie, genre) pairs listed by this run's movies. Pairs never change once
-- written, so only new ones are inserted (Redshift's MERGE needs a WHEN MATCHED action).
--
-- Dialect: twin of merge.postgres.sql; both add the same rows (SqlDialectsTest runs both).
-- Same: the select of this run's keys. Differs: an INSERT of the keys not yet present
-- instead of a MERGE with only WHEN NOT MATCHED, because Redshift's MERGE needs a WHEN
-- MATCHED action.
insert into movie_genre (movie_id, genre_id)
select s.movie_id, s.genre_id
from (
  select distinct movie_id, genre_id
  from s_movie_genre
  where run_id = :run_id
) as s
left join movie_genre as t
  on t.movie_id = s.movie_id
 and t.genre_id = s.genre_id
where t.movie_id is null
