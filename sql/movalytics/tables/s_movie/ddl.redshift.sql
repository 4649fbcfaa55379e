-- Staging: one row per movie of movies_metadata.csv (de-duplicated by id in Beam), with its
-- CPI-adjusted revenue computed in Beam. release_date and cpi_base_month are midnight UTC.
create table if not exists s_movie (
  run_id                varchar(64)    not null,
  source                varchar(2048)  not null,
  line                  bigint         not null,
  movie_id              bigint         not null,
  imdb_id               varchar(16),
  title                 varchar(1024),
  original_title        varchar(1024),
  original_language     varchar(16),
  is_adult              boolean,
  budget                bigint,
  revenue               bigint,
  popularity            numeric(13,6),
  vote_count            bigint,
  vote_average          numeric(3,1),
  runtime               numeric(7,1),
  release_date          timestamp,
  revenue_cpi_adjusted  numeric(18,2),
  cpi_base_month        timestamp
)
diststyle even;
