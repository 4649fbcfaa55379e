select item_id from d_item where price <= 0
