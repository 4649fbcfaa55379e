#!/usr/bin/env bash
# Benchmarks against the database's own limit. Usage:
#   bench/run.sh movalytics [SF ...]   (default SF: 0.1 0.3 1)
#   bench/run.sh sparkify              (the real data in ../shared/data/sparkify when present, and 10x generated)
# Environment: RUNNERS="direct spark" LOADS="copy jdbc" choose the matrix; TIMEOUT (s) per run (3600);
# SPARK_HEAP (-Xmx2g) for Spark local[2].
#
# One embedded PostgreSQL (same binaries and settings as the program's default) serves the whole
# benchmark; every run starts from an empty database. Inputs are generated once per scale factor
# (deterministic, seed 1) and cached in bench/data/. For Movalytics the first line per scale factor
# is the floor: ratings.csv loaded by one raw COPY into an unindexed table of the same columns.
# Each line: wall time of the whole process, the run summary's time and its split (load = prepare,
# read, parse, stage; the f_rating MERGE; checks), input rows per wall second, the ratio of wall time
# to the floor, and peak RSS of the pipeline process (the database runs in its own processes).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=pipelines/target/warehouse-etl.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 2; }
SPARK_CP="$JAR:$(cat pipelines/target/spark.classpath)"
RUNNERS=${RUNNERS:-direct spark}
LOADS=${LOADS:-copy jdbc}
TIMEOUT=${TIMEOUT:-3600}
SPARK_HEAP=${SPARK_HEAP:--Xmx2g}
warehouse=${1:-movalytics}
shift || true

work=$(mktemp -d)
java -cp "$JAR" etl.pipelines.bench.BenchTool serve "$work/url" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do [ -s "$work/url" ] && break; sleep 1; done
URL=$(cat "$work/url")

echo "date=$(date -u +%FT%TZ) host=$(hostname) cores=$(nproc) mem=$(free -g | awk '/Mem/{print $2}')G" \
  "java=\"$(java -version 2>&1 | sed -n 1p)\" commit=$(git rev-parse --short HEAD 2>/dev/null || echo -)"
printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
  input runner load wall_s run_s load_s merge_f_s checks_s rows/s x_floor rss_MB status
echo '|---|---|---|---|---|---|---|---|---|---|---|---|'

# run LABEL INPUT_ROWS FLOOR_S RUNNER LOAD CMD...
run() {
  local label=$1 rows=$2 floor=$3 runner=$4 load=$5
  shift 5
  java -cp "$JAR" etl.pipelines.bench.BenchTool reset "$URL"
  local log="$work/run.log"
  local status=ok
  timeout "$TIMEOUT" /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$log" 2>"$work/err" || status=FAILED
  [ "$status" = ok ] || grep -q . "$work/time" || echo "- 0" > "$work/time"
  read -r wall rss < <(tail -1 "$work/time")
  local summary loads merge checks
  summary=$(grep -oP '(SUCCEEDED|FAILED[A-Z_]*) in \K[0-9.]+' "$log" || echo -)
  loads=$(grep -oP '^  prepare, read, parse, stage +\K[0-9.]+' "$log" || echo -)
  merge=$(grep -oP '^  merge (f_rating|f_songplay) +\K[0-9.]+' "$log" || echo -)
  checks=$(grep -oP '^  checks +\K[0-9.]+' "$log" || echo -)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$runner" "$load" "$wall" \
    "$summary" "$loads" "$merge" "$checks" \
    "$(awk -v r="$rows" -v w="$wall" 'BEGIN { if (w > 0) printf "%.0f", r / w; else print "-" }')" \
    "$(awk -v f="$floor" -v w="$wall" 'BEGIN { if (f > 0 && w > 0) printf "%.1f", w / f; else print "-" }')" \
    "$((${rss:-0} / 1024))" "$status"
}

# matrix LABEL INPUT_ROWS FLOOR_S COMMAND_NAME ARGS...
matrix() {
  local label=$1 rows=$2 floor=$3 command=$4
  shift 4
  for runner in $RUNNERS; do
    for load in $LOADS; do
      local common=("$command" "$@" --jdbcUrl="$URL" --dbUser=postgres --loadMethod="$load")
      if [ "$runner" = direct ]; then
        run "$label" "$rows" "$floor" direct "$load" java -jar "$JAR" "${common[@]}"
      else
        run "$label" "$rows" "$floor" "spark local[2]" "$load" env SPARK_LOCAL_IP=127.0.0.1 \
          java "$SPARK_HEAP" $(cat runner-configs/java17.jvm) -cp "$SPARK_CP" etl.pipelines.cli.Main \
          "${common[@]}" $(cat runner-configs/spark-local.args)
      fi
    done
  done
}

case "$warehouse" in
  movalytics)
    for sf in ${@:-0.1 0.3 1}; do
      data=bench/data/movalytics-sf$sf
      [ -f "$data/ratings.csv" ] || java -jar "$JAR" generate movalytics --output="$data" --scaleFactor="$sf" --seed=1 >/dev/null
      ratings=$(($(wc -l < "$data/ratings.csv") - 1))
      read -r copied floor < <(java -cp "$JAR" etl.pipelines.bench.BenchTool floor "$URL" "$data/ratings.csv")
      printf '| SF %s: %s ratings | floor: raw COPY | - | %s | - | - | - | - | %.0f | 1.0 | - | %s rows |\n' \
        "$sf" "$ratings" "$floor" "$(awk -v r="$copied" -v w="$floor" 'BEGIN { print r / w }')" "$copied"
      matrix "SF $sf" "$ratings" "$floor" movalytics --input="$data" --minRatings=50 --minVotes=50
    done
    ;;
  sparkify)
    if [ -d ../shared/data/sparkify ]; then
      events=$(cat ../shared/data/sparkify/log_data/*/*/*.json 2>/dev/null | wc -l || echo 0)
      matrix "real data" "$events" 0 sparkify --input=../shared/data/sparkify
    fi
    data=bench/data/sparkify-sf10
    [ -d "$data/log_data" ] || java -jar "$JAR" generate sparkify --output="$data" --scaleFactor=10 --seed=1 >/dev/null
    events=$(find "$data/log_data" -type f -exec cat {} + | wc -l)
    matrix "10x generated" "$events" 0 sparkify --input="$data"
    ;;
  *)
    echo "usage: bench/run.sh movalytics [SF ...] | sparkify" >&2
    exit 2
    ;;
esac
