-- What the location answer covers: plays with a location, and how many locations there are.
select count(*) as plays,
       count(location) as with_location,
       count(distinct location) as locations
from f_songplay
