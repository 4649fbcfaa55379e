select 1 as postgres_merge_of_d_item
