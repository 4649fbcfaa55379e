-- The latest sighting of each item wins; a repeat changes nothing.
merge into d_item as t
using (
  select item_id, name, price, seen_at
  from (
    select s.*, row_number() over (partition by item_id order by seen_at desc, name) as r
    from s_item as s
    where run_id = :run_id
  ) as ranked
  where r = 1
) as s
on t.item_id = s.item_id
when matched and (t.name, t.price, t.seen_at) is distinct from (s.name, s.price, s.seen_at) then
  update set name = s.name, price = s.price, seen_at = s.seen_at
when not matched then
  insert (item_id, name, price, seen_at) values (s.item_id, s.name, s.price, s.seen_at)
