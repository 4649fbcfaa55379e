-- Free and paid users in the ten locations with the most users; a user counts under the level
-- of each play, so one who upgraded counts in both columns.
select location,
       count(distinct case when level = 'free' then user_id end) as free_users,
       count(distinct case when level = 'paid' then user_id end) as paid_users,
       count(*) as plays
from f_songplay
where location is not null
group by location
order by count(distinct user_id) desc, location
limit 10
