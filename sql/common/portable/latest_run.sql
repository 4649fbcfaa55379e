-- The latest run of a warehouse that published (what the check command checks against).
select run_id
from etl_run
where pipeline = :pipeline
  and status = 'succeeded'
order by started_at desc
limit 1
