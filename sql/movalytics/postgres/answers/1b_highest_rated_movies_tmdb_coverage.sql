select count(*) filter (where vote_count > 0) as movies_with_votes,
       round(avg(vote_average) filter (where vote_count > 0), 4) as mean_vote_c,
       cast(:min_votes as integer) as min_votes_m,
       count(*) filter (where vote_count >= :min_votes) as movies_ranked
from d_movie
