-- Share of this run's song plays matched to a song and to an artist.
select count(*) as song_plays,
       count(f.song_id) as with_song,
       round(100.0 * count(f.song_id) / nullif(count(*), 0), 2) as song_match_pct,
       count(f.artist_id) as with_artist,
       round(100.0 * count(f.artist_id) / nullif(count(*), 0), 2) as artist_match_pct
from (
  select distinct event_id
  from s_songplay_event
  where run_id = :run_id
    and page = 'NextSong'
) as e
inner join f_songplay as f
  on f.songplay_id = e.event_id
