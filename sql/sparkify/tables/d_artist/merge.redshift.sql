-- d_artist from this run's songs: the same variant rule as the PostgreSQL MERGE (see
-- merge.postgres.sql in this folder). Redshift's MERGE takes a table as its source and
-- no condition on WHEN MATCHED, so the rule runs first: m_d_artist receives one variant per
-- artist, and only for new artists or when strictly more complete than the stored row.
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_d_artist, which is then
-- merged without conditions and dropped.
create temp table m_d_artist (like d_artist);

insert into m_d_artist (artist_id, name, location, latitude, longitude)
with songs as (
  select *
  from (
    select s.*, row_number() over (partition by song_id order by source desc) as copy_rank
    from s_song as s
    where run_id = :run_id
  ) as copies
  where copy_rank = 1
),
candidates as (
  select artist_id,
         artist_name as name,
         artist_location as location,
         artist_latitude as latitude,
         artist_longitude as longitude,
         song_id,
         (case when artist_latitude is not null and artist_longitude is not null then 2 else 0 end
          + case when artist_location is not null then 1 else 0 end) as completeness,
         count(*) over (partition by artist_id, artist_name) as name_songs
  from songs
),
ranked as (
  select c.*,
         row_number() over (
           partition by artist_id
           order by completeness desc, name_songs desc, length(name), name, song_id) as variant_rank
  from candidates as c
)
select r.artist_id, r.name, r.location, r.latitude, r.longitude
from ranked as r
left join d_artist as t
  on t.artist_id = r.artist_id
where r.variant_rank = 1
  and (t.artist_id is null
       or r.completeness >
          (case when t.latitude is not null and t.longitude is not null then 2 else 0 end
           + case when t.location is not null then 1 else 0 end));

merge into d_artist
using m_d_artist as s
on d_artist.artist_id = s.artist_id
when matched then
  update set name = s.name, location = s.location, latitude = s.latitude, longitude = s.longitude
when not matched then
  insert (artist_id, name, location, latitude, longitude)
  values (s.artist_id, s.name, s.location, s.latitude, s.longitude);

drop table m_d_artist
