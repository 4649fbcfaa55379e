-- d_artist from this run's songs. An artist id appears on many song files, sometimes with
-- different names, locations or coordinates ("variants"). One whole variant is kept, chosen by:
--   1. completeness: coordinates (2 points) + a location (1 point), most complete first;
--   2. the name used on most of the artist's song files;
--   3. the shorter name, then alphabetical order; 4. the smallest song_id.
-- An existing row is replaced only by a strictly more complete variant, so repeated and
-- incremental loads never flip between equally good variants.
--
-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into d_artist as t
using (
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
  select artist_id, name, location, latitude, longitude, completeness
  from ranked
  where variant_rank = 1
) as s
on t.artist_id = s.artist_id
when matched and s.completeness >
    (case when t.latitude is not null and t.longitude is not null then 2 else 0 end
     + case when t.location is not null then 1 else 0 end) then
  update set name = s.name, location = s.location, latitude = s.latitude, longitude = s.longitude
when not matched then
  insert (artist_id, name, location, latitude, longitude)
  values (s.artist_id, s.name, s.location, s.latitude, s.longitude)
