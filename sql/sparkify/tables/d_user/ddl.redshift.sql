-- One row per user; attributes and level as of the user's latest event (last_event_at).
-- Small: a copy on every node.
create table if not exists d_user (
  user_id        integer        not null primary key,
  first_name     varchar(256),
  last_name      varchar(256),
  gender         varchar(16),
  level          varchar(16)    not null,
  last_event_at  timestamp      not null
)
diststyle all
sortkey (user_id);
