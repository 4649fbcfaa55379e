-- The ten most played songs (plays matched to a song), with their listeners.
select s.title || ' — ' || s.artist_name as song,
       count(*) as plays,
       count(distinct f.user_id) as listeners
from f_songplay as f
inner join d_song as s
  on s.song_id = f.song_id
group by s.title, s.artist_name
order by plays desc, song
limit 10
