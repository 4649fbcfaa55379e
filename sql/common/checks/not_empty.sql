-- Violation: the table has no rows at all.
select 'table {{table}} is empty' as problem
where not exists (select 1 from {{table}})
