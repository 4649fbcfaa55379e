-- A content hash of a whole table, independent of row order: equal hashes = identical tables.
select count(*) as row_count,
       coalesce(md5(string_agg(row_hash, '' order by row_hash)), '') as fingerprint
from (select md5(t::text) as row_hash from {{table}} as t) as hashed
