-- What the play answers cover: every play in f_songplay.
select count(*) as plays,
       count(distinct user_id) as users,
       min(start_time) as first_play,
       max(start_time) as last_play
from f_songplay
