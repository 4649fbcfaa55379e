select 1 as redshift_merge_of_d_item
