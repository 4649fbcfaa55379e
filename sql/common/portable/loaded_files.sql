-- The version of each file of one incremental input whose rows the warehouse holds: what a run
-- compares the files it lists against.
select uri, size_bytes, modified_at, checksum
from etl_loaded_file
where pipeline = :pipeline
  and step = :step
  and current_version
