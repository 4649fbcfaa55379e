#!/bin/bash
# Creates a small EMR 7.x cluster (Java 17, Spark 3.5) for the loads, runs one step and stops.
# Every YOUR-… value is yours to fill in; no credentials live here (the AWS CLI's own profile
# or role is used; the step reads the warehouse password from Secrets Manager, --dbPasswordSecret).
set -euo pipefail
bucket="${BUCKET:?set BUCKET to your S3 bucket name}"
warehouse="${1:?usage: create-cluster.sh sparkify|movalytics}"
here="$(cd "$(dirname "$0")" && pwd)"

# The jar goes to S3 first; inputs are synced there by you or by `extract`.
aws s3 cp "$here/../../pipelines/target/warehouse-etl-cluster.jar" "s3://$bucket/jars/"

aws emr create-cluster \
  --name "warehouse-etl $warehouse" \
  --release-label emr-7.5.0 \
  --applications Name=Spark \
  --instance-type m5.xlarge --instance-count 3 \
  --use-default-roles \
  --log-uri "s3://$bucket/emr-logs/" \
  --configurations "file://$here/configurations.json" \
  --steps "file://$here/step-$warehouse.json" \
  --auto-terminate
