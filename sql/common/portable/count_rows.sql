select count(*) as row_count from {{table}}
