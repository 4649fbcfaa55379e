insert into etl_check_result (run_id, pipeline, check_name, status, violations, sample)
values (:run_id, :pipeline, :check_name, :status, :violations, :sample)
