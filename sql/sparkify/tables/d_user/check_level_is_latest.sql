-- Violations: users whose level differs from the level of their latest event, when that event
-- (staged by this run) is at least as recent as the one d_user was built from.
with latest as (
  select user_id, level, ts,
         row_number() over (
           partition by user_id order by ts desc, session_id desc, item_in_session desc) as recency
  from s_songplay_event
  where run_id = :run_id
    and user_id is not null
    and level is not null
)
select u.user_id, u.level, l.level as latest_level, l.ts as latest_event_at
from d_user as u
inner join latest as l
  on l.user_id = u.user_id
 and l.recency = 1
where l.ts >= u.last_event_at
  and l.level <> u.level
