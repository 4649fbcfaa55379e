-- Staging keeps only the current run's rows: older runs' rows (kept for diagnosis until now) go.
delete from {{table}} where run_id <> :run_id
