-- What the top-artist and top-song answers cover: the plays matched to an artist and to a song.
select count(*) as plays,
       count(artist_id) as matched_to_artist,
       count(song_id) as matched_to_song
from f_songplay
