-- The benchmark floor: ratings.csv's own columns, no index, no constraint, nothing derived.
drop table if exists bench_floor_rating;
create table bench_floor_rating (
  user_id   bigint,
  movie_id  bigint,
  rating    numeric(2,1),
  ts        bigint
)
