-- Distinct records a run staged in a table (e.g. by source and line): duplicates that a retried
-- bundle staged twice count once, as the MERGE will keep them once.
select count(*) as row_count
from (
  select distinct {{columns}}
  from {{table}}
  where run_id = :run_id
) as records
