select count(*) as row_count from {{table}} where run_id = :run_id
