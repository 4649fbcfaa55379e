-- Violations: rows whose {{column}} is null.
select *
from {{table}}
where {{column}} is null
