-- A file this run selected to read; current only once the run publishes (publish_run_files.sql).
insert into etl_loaded_file (pipeline, step, uri, size_bytes, modified_at, checksum, run_id, current_version)
values (:pipeline, :step, :uri, :size_bytes, :modified_at, :checksum, :run_id, false)
