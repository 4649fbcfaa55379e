-- d_user: one row per user id, from the user's latest event of this run (ts, then session and
-- item number break ties). Events of any page count: a user who upgrades and only browses is
-- paid. An existing row is replaced only by an event at least as recent as the one it came from.
--
-- Dialect: merge.redshift.sql leaves the same rows in two steps (the changed rows into a
-- temp table, then a MERGE without conditions), because Redshift's MERGE takes only a table
-- as its source and no condition on WHEN MATCHED; the selection and its rules are the same.
merge into d_user as t
using (
  select user_id, first_name, last_name, gender, level, ts as last_event_at
  from (
    select e.*,
           row_number() over (
             partition by user_id order by ts desc, session_id desc, item_in_session desc) as recency
    from s_songplay_event as e
    where run_id = :run_id
      and user_id is not null
      and level is not null
  ) as ranked
  where recency = 1
) as s
on t.user_id = s.user_id
when matched and s.last_event_at >= t.last_event_at
    and (t.first_name, t.last_name, t.gender, t.level, t.last_event_at)
        is distinct from (s.first_name, s.last_name, s.gender, s.level, s.last_event_at) then
  update set first_name = s.first_name, last_name = s.last_name, gender = s.gender,
             level = s.level, last_event_at = s.last_event_at
when not matched then
  insert (user_id, first_name, last_name, gender, level, last_event_at)
  values (s.user_id, s.first_name, s.last_name, s.gender, s.level, s.last_event_at)
