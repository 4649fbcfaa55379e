-- One row per movie (movie_id = TMDB id). budget and revenue are null when unknown (0 in the
-- source). revenue_cpi_adjusted = revenue x CPI(cpi_base_month) / CPI(release month), null when
-- the release month is outside the CPI series.
create table if not exists d_movie (
  movie_id              bigint         not null primary key,
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
  release_date          date,
  revenue_cpi_adjusted  numeric(18,2),
  cpi_base_month        date
);
