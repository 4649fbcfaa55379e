-- Violations: NextSong events staged by this run without their f_songplay row.
select e.event_id, e.source, e.line
from s_songplay_event as e
left join f_songplay as f
  on f.songplay_id = e.event_id
where e.run_id = :run_id
  and e.page = 'NextSong'
  and f.songplay_id is null
