select check_name, status, violations, sample
from etl_check_result
where run_id = :run_id
order by status, check_name
