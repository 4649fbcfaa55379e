-- --full-refresh, inside the publishing transaction: the final tables are rebuilt from this run's
-- files alone, so no earlier version of any file of this warehouse is loaded any more.
update etl_loaded_file
set current_version = false
where current_version
  and run_id <> :run_id
  and pipeline = (select pipeline from etl_run where run_id = :run_id)
