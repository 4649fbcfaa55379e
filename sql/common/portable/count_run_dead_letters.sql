-- Dead letters of one step of a run, each (file, position) once: a retried bundle that wrote a
-- dead letter twice still accounts for one record.
select count(*) as row_count
from (
  select distinct source, position
  from etl_dead_letter
  where run_id = :run_id
    and step = :step
) as records
