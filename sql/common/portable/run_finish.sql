update etl_run
set ended_at = :ended_at,
    status = :status,
    rows_per_table = :rows_per_table,
    dead_letters_by_reason = :dead_letters_by_reason,
    message = :message,
    accounting = :accounting
where run_id = :run_id
