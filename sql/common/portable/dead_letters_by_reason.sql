-- Dead letters of one run, counted per step and reason. A record seen twice (a retried bundle)
-- counts once.
select step, reason, count(distinct source || ':' || cast(position as varchar(20))) as records
from etl_dead_letter
where run_id = :run_id
group by step, reason
order by step, reason
