-- Runs inside the publishing transaction, after the MERGEs: the run's files count as loaded
-- exactly when its rows are published, and the versions they replace no longer do.
update etl_loaded_file
set current_version = false
where current_version
  and run_id <> :run_id
  and uri in (select uri from etl_loaded_file where run_id = :run_id);

update etl_loaded_file
set current_version = true
where run_id = :run_id
