insert into etl_run (run_id, pipeline, arguments, started_at, status)
values (:run_id, :pipeline, :arguments, :started_at, 'running')
