-- --full-refresh: a final table is emptied inside the publishing transaction, before the MERGEs
-- rebuild it from every file, so readers see the old content until the commit. DELETE, not
-- TRUNCATE: Redshift's TRUNCATE commits at once.
delete from {{table}}
