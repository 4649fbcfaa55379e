-- Staging holds only the current run's rows: older runs' rows (kept for diagnosis until now) go.
-- TRUNCATE, not DELETE: at full scale staging holds tens of millions of rows, and a DELETE would
-- leave them all as dead tuples for the next COPY and MERGE to scan.
truncate {{table}}
