-- One load at a time: Redshift has no advisory locks, so a run holds an exclusive lock on
-- etl_lock in a transaction it keeps open until it ends. A second run waits here (for any
-- warehouse in this database). The transaction ends, and the lock with it, when the connection
-- closes, so a crashed run never leaves it behind.
create table if not exists etl_lock (held boolean) diststyle all;
lock etl_lock;
select true as acquired
