-- The latest run of a warehouse, whatever its outcome (the report shows its dead letters and checks).
select run_id, status, started_at, ended_at, message
from etl_run
where pipeline = :pipeline
order by started_at desc
limit 1
