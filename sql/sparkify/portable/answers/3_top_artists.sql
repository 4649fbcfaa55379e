-- The ten most played artists (plays matched to an artist), with their listeners.
select a.name as artist,
       count(*) as plays,
       count(distinct f.user_id) as listeners
from f_songplay as f
inner join d_artist as a
  on a.artist_id = f.artist_id
group by a.name
order by plays desc, artist
limit 10
