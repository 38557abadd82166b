#!/bin/sh
# A planner's typical upload on a service that has just started: three times, starts a jar (JAR,
# default target/airzone.jar) with -Xmx256m on a fresh embedded store, posts 2,000 random sites (lon
# 116.5–123, lat 38.5–44, with industry, fuel and boiler size) as CSV the moment /health says ready,
# then twice more, and prints the three times (the first, then warm).
# Build first: mvn -B -q -DskipTests package
set -eu
cd "$(dirname "$0")/../.."
PORT=${PORT:-7196}
JAR=${JAR:-target/airzone.jar}
work=$(mktemp -d)
pid=
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

python3 - "$work/sites.csv" <<'PY'
import random, sys
r = random.Random(5)
with open(sys.argv[1], "w") as f:
    f.write("name,lon,lat,industry,fuel,boiler_tph\n")
    for i in range(2000):
        f.write(f"s{i},{r.uniform(116.5, 123):.5f},{r.uniform(38.5, 44):.5f},chemicals,coal,{r.choice([5, 10, 20, 35])}\n")
PY

batch() {
  curl -sf -o "$work/out.csv" -w '%{time_total}' -H 'Content-Type: text/csv' --data-binary @"$work/sites.csv" "localhost:$PORT/api/screen/batch"
}
for run in 1 2 3; do
  rm -rf "$work/data"
  AIRZONE_PORT=$PORT AIRZONE_DATA_DIR="$work/data" java -Xmx256m -jar "$JAR" >"$work/service.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/health" | grep -q '"ready":true'; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.2
  done
  first=$(batch); second=$(batch); third=$(batch)
  echo "run $run: 2,000 sites first after start ${first} s, then ${second} s, ${third} s"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
