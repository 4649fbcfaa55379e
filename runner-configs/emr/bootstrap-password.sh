#!/bin/bash
# EMR bootstrap action: writes the warehouse password from AWS Secrets Manager to a file only the
# hadoop user can read, for --dbPasswordFile. The secret's name is this script's one argument; the
# password itself never appears in a step definition, the command line or the logs.
#   aws emr create-cluster ... --bootstrap-actions \
#     Path=s3://YOUR-BUCKET/jars/bootstrap-password.sh,Args=[warehouse/etl-password]
set -euo pipefail
secret_id="${1:?usage: bootstrap-password.sh SECRET_ID}"
umask 077
aws secretsmanager get-secret-value --secret-id "$secret_id" --query SecretString --output text \
  > /home/hadoop/.warehouse-password
chown hadoop:hadoop /home/hadoop/.warehouse-password
