-- The runs of a pipeline still marked running (the one holding the lock among them).
select run_id, started_at
from etl_run
where pipeline = :pipeline
  and status = 'running'
order by started_at desc
