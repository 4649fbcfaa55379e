#!/usr/bin/env bash
# Benchmarks: generates Movalytics inputs at each scale factor (cached in bench/data/), then loads
# them on the Direct runner and on Spark local[2], with both staging load methods, into a fresh
# embedded PostgreSQL each time. Prints one line per run: wall time, pipeline time, ratings/s
# (ratings in the input / wall time) and peak RSS. Usage: bench/run.sh [SF ...]  (default 0.01 0.03)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=pipelines/target/warehouse-etl.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 2; }
SPARK_CP="$JAR:$(cat pipelines/target/spark.classpath)"
echo "date=$(date -u +%FT%TZ) host=$(hostname) cores=$(nproc) mem=$(free -g | awk '/Mem/{print $2}')G java=$(java -version 2>&1 | sed -n 1p)"
printf '%-6s %-7s %-5s %10s %10s %12s %9s %s\n' SF runner load wall_s pipeline_s ratings/s rss_MB status
for sf in ${@:-0.01 0.03}; do
  data=bench/data/movalytics-sf$sf
  [ -f "$data/ratings.csv" ] || java -jar "$JAR" generate movalytics --output="$data" --scaleFactor="$sf" --seed=1 >/dev/null
  ratings=$(($(wc -l < "$data/ratings.csv") - 1))
  for runner in direct spark; do
    for load in copy jdbc; do
      log=$(mktemp)
      if [ $runner = direct ]; then
        cmd=(java -jar "$JAR" movalytics --input="$data" --loadMethod=$load)
      else
        cmd=(env SPARK_LOCAL_IP=127.0.0.1 java -Xmx4g $(cat runner-configs/spark-local.jvm) -cp "$SPARK_CP"
             etl.pipelines.Main movalytics --input="$data" --loadMethod=$load $(cat runner-configs/spark-local.args))
      fi
      /usr/bin/time -f '%e %M' -o "$log.time" "${cmd[@]}" > "$log" 2>&1 && status=ok || status=FAILED
      read -r wall rss < "$log.time"
      pipeline=$(grep -oP 'SUCCEEDED in \K[0-9.]+' "$log" || echo -)
      printf '%-6s %-7s %-5s %10s %10s %12.0f %9d %s\n' "$sf" $runner $load "$wall" "$pipeline" \
        "$(awk -v r="$ratings" -v w="$wall" 'BEGIN { print r / w }')" $((rss / 1024)) $status
      rm -f "$log" "$log.time"
    done
  done
done
