#!/bin/bash
# A daily incremental load, for cron or any scheduler: fetch the CPI from FRED, load both
# warehouses (only files new since the last run), write a report. The exit code is the alert hook
# (0 ok; 1 failed; 2 configuration; 3 checks failed, nothing published; 4 another load was
# running), and each load leaves its summary as JSON in $STATE/summary-<warehouse>.json.
#
# Settings (environment): INPUT (folder or s3:// prefix holding sparkify/ and movalytics/),
# STATE (where summaries and reports go), JAR, and the warehouse options in WAREHOUSE_ARGS,
# e.g. "--jdbcUrl=jdbc:postgresql://db:5432/dw --dbUser=etl --dbPasswordFile=/etc/etl/pw"
# (default: an embedded PostgreSQL kept in $STATE/warehouse); AWS_ARGS for S3 (e.g.
# "--awsRegion=us-east-1"); CPI_URL to fetch the CPI elsewhere.
set -uo pipefail
JAR="${JAR:-$(cd "$(dirname "$0")/../.." && pwd)/pipelines/target/warehouse-etl.jar}"
INPUT="${INPUT:?set INPUT to the folder or s3:// prefix of the landing area}"
STATE="${STATE:-$HOME/warehouse-etl}"
mkdir -p "$STATE"
read -r -a WH <<< "${WAREHOUSE_ARGS:---embeddedDataDir=$STATE/warehouse}"
read -r -a AWS <<< "${AWS_ARGS:-}"
etl() { java -jar "$JAR" "$@"; }

status=0
etl extract cpi --output="$INPUT/movalytics" ${CPI_URL:+--url="$CPI_URL"} "${AWS[@]}" || status=$?
if [ "$status" -eq 0 ]; then
  for warehouse in sparkify movalytics; do
    extra=()  # the report below answers the questions; the load need not
    [ "$warehouse" = movalytics ] && extra=(--answersAfterLoad=false)
    etl "$warehouse" --input="$INPUT/$warehouse" "${WH[@]}" "${AWS[@]}" "${extra[@]}" \
      --summaryJson="$STATE/summary-$warehouse.json" --progressSeconds=60
    code=$?
    if [ "$code" -ne 0 ] && [ "$status" -eq 0 ]; then status=$code; fi
    etl report "$warehouse" "${WH[@]}" --output="$STATE/reports" || true
  done
fi
echo "daily load finished with exit code $status at $(date -u +%FT%TZ)"
exit "$status"
