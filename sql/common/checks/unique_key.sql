-- Violations: key values held by more than one row.
select {{key_columns}}, count(*) as row_count
from {{table}}
group by {{key_columns}}
having count(*) > 1
