-- Song plays by weekday (UTC), Monday first, every day listed.
with days as (
  select 1 as day_number, 'Monday' as weekday union all select 2, 'Tuesday'
  union all select 3, 'Wednesday' union all select 4, 'Thursday' union all select 5, 'Friday'
  union all select 6, 'Saturday' union all select 0, 'Sunday'
),
plays as (
  select cast(extract(dow from start_time) as integer) as day_number, count(*) as plays
  from f_songplay
  group by 1
)
select d.weekday, coalesce(p.plays, 0) as plays
from days as d
left join plays as p
  on p.day_number = d.day_number
order by case when d.day_number = 0 then 7 else d.day_number end
