-- Loads one table's staged files from S3, the way AWS recommends for bulk loads into Redshift:
-- gzip-compressed CSV files listed in a manifest (so COPY loads exactly those files, all of them,
-- or fails), read with the cluster's IAM role. NULLs are written as \N, Redshift's default
-- NULL AS string; timestamps as yyyy-MM-dd HH:mm:ss.SSS in UTC.
copy {{table}} ({{columns}})
from '[[manifest]]'
iam_role '[[iam_role]]'
region '[[region]]'
format as csv
gzip
manifest
timeformat 'auto'
dateformat 'auto'
