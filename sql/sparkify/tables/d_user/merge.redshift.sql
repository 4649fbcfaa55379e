-- d_user: one row per user id, from the user's latest event of this run (ts, then session and
-- item number break ties). Events of any page count. An existing row is replaced only by an
-- event at least as recent as the one it came from, and only if a value changes.
--
-- Dialect: twin of merge.postgres.sql; both leave the same rows (SqlDialectsTest runs both).
-- Same: which staged rows count and the rule that keeps one per key. Differs, because of
-- Redshift's MERGE rules (its source must be a table; WHEN MATCHED takes no condition): the
-- rows that are new or would change go first into the temp table m_d_user, which is then
-- merged without conditions and dropped.
-- Redshift has no IS DISTINCT FROM: "a <> b or (a is null) <> (b is null)" is the
-- null-safe comparison written out.
create temp table m_d_user (like d_user);

insert into m_d_user (user_id, first_name, last_name, gender, level, last_event_at)
select s.user_id, s.first_name, s.last_name, s.gender, s.level, s.ts
from (
  select e.*,
         row_number() over (
           partition by user_id order by ts desc, session_id desc, item_in_session desc) as recency
  from s_songplay_event as e
  where run_id = :run_id
    and user_id is not null
    and level is not null
) as s
left join d_user as t
  on t.user_id = s.user_id
where s.recency = 1
  and (t.user_id is null
       or (s.ts >= t.last_event_at
           and (t.first_name <> s.first_name or (t.first_name is null) <> (s.first_name is null)
                or t.last_name <> s.last_name or (t.last_name is null) <> (s.last_name is null)
                or t.gender <> s.gender or (t.gender is null) <> (s.gender is null)
                or t.level <> s.level
                or t.last_event_at <> s.ts)));

merge into d_user
using m_d_user as s
on d_user.user_id = s.user_id
when matched then
  update set first_name = s.first_name, last_name = s.last_name, gender = s.gender,
             level = s.level, last_event_at = s.last_event_at
when not matched then
  insert (user_id, first_name, last_name, gender, level, last_event_at)
  values (s.user_id, s.first_name, s.last_name, s.gender, s.level, s.last_event_at);

drop table m_d_user
