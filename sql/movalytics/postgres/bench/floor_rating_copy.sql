-- Typed columns as in the warehouse; rows whose values do not convert are skipped (PostgreSQL 17).
copy bench_floor_rating (user_id, movie_id, rating, ts) from stdin (format csv, header true, on_error ignore)
