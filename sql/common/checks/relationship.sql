-- Violations: non-null {{column}} values with no row in {{ref_table}}.
select child.{{column}}
from {{table}} as child
left join {{ref_table}} as parent
  on parent.{{ref_column}} = child.{{column}}
where child.{{column}} is not null
  and parent.{{ref_column}} is null
