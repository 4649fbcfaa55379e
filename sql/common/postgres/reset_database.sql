-- Benchmarks only: empties the database between runs so each run starts from nothing.
drop schema public cascade;
create schema public
