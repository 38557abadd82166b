#!/bin/sh
# A province-sized batch in a small heap: starts target/airzone.jar with -Xmx256m on a fresh embedded
# store, posts 100,000 and then 1,000,000 random sites (lon 116.5–123, lat 38.5–44, with industry, fuel
# and boiler size, so the boiler rules run too) as CSV, CSV out, and prints each batch's time, its rate
# against the 100,000 batch's (1.0: a site costs the same however long the batch), the process's peak
# resident size while the million ran, and the heap in use after a full GC before and after it; then,
# where wrk is installed, the million once more while 8 connections screen single sites.
# Build first: mvn -B -q -DskipTests package
set -eu
cd "$(dirname "$0")/../.."
PORT=${PORT:-7199}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

python3 - "$work" <<'EOF'
import random, sys
rows = random.Random(13)
for size in (100_000, 1_000_000):
    with open(f"{sys.argv[1]}/sites-{size}.csv", "w") as f:
        f.write("name,lon,lat,industry,fuel,boiler_tph\n")
        for i in range(size):
            f.write(f"s{i},{rows.uniform(116.5, 123):.6f},{rows.uniform(38.5, 44):.6f},chemicals,coal,{rows.choice([5, 10, 20, 35])}\n")
EOF

AIRZONE_PORT=$PORT AIRZONE_DATA_DIR="$work/data" java -Xmx256m -jar target/airzone.jar >"$work/service.log" 2>&1 &
pid=$!
until curl -sf "localhost:$PORT/health" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 1
done

batch() { # file → seconds; fails unless every row has its result
  curl -sf -o "$work/out.csv" -w '%{time_total}' -H 'Content-Type: text/csv' -H 'Accept: text/csv' \
    --data-binary @"$1" "localhost:$PORT/api/screen/batch"
  [ "$(wc -l <"$work/out.csv")" -eq "$(wc -l <"$1")" ] || { echo "result rows missing for $1" >&2; exit 1; }
}
heap_mb() {
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub("K", "", $(i+1)); print int($(i+1) / 1024); exit } }'
}

for warm in 1 2 3; do batch "$work/sites-100000.csv" >/dev/null; done   # the JIT warms up
small=$(batch "$work/sites-100000.csv")
before=$(heap_mb)
(while kill -0 "$pid" 2>/dev/null; do ps -o rss= -p "$pid"; sleep 0.2; done >"$work/rss") &
sampler=$!
large=$(batch "$work/sites-1000000.csv")
kill "$sampler"
after=$(heap_mb)
echo "100,000 sites: ${small} s; 1,000,000 sites: ${large} s; per-site cost at a million / at 100,000: $(echo "$large $small" | awk '{ printf "%.2f", $1 / $2 / 10 }')"
echo "-Xmx256m: peak resident $(sort -n "$work/rss" | tail -1 | awk '{ print int($1 / 1024) }') MB during the million; heap in use after a full GC: ${before} MB before, ${after} MB after"

# the same million again while 8 connections screen single sites (wrk, Debian package), as issue 13 §4 asks
if command -v wrk >/dev/null; then
  (while kill -0 "$pid" 2>/dev/null; do ps -o rss= -p "$pid"; sleep 0.2; done >"$work/rss-load") &
  sampler=$!
  wrk -t2 -c8 -d300s -s scripts/bench/screen-random.lua --latency "http://localhost:$PORT" >"$work/wrk" &
  load=$!
  loaded=$(batch "$work/sites-1000000.csv")
  kill -INT "$load"; wait "$load" || true
  kill "$sampler"
  echo "under 8 screening connections: 1,000,000 sites in ${loaded} s; single sites $(awk '/Requests\/sec/ { print $2 }' "$work/wrk") requests/s, p99 $(awk '$1 == "99%" { print $2 }' "$work/wrk"); peak resident $(sort -n "$work/rss-load" | tail -1 | awk '{ print int($1 / 1024) }') MB; heap after a full GC $(heap_mb) MB"
fi
