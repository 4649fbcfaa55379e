select 1 as merge_of_f_sale
