-- One load of a warehouse at a time: a session-level advisory lock named after the pipeline,
-- taken without waiting (acquired = false when another run holds it). PostgreSQL releases it when
-- the holding connection closes, so a crashed run never leaves it behind.
select pg_try_advisory_lock(hashtext('warehouse-etl:' || :pipeline)) as acquired
