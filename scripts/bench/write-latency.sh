#!/bin/sh
# What a planner's write costs, against what reading one feature costs: starts a jar (JAR, default
# target/airzone.jar) with -Xmx256m on a fresh embedded store and, over one keep-alive connection each,
# times 200 ban-zone writes (a new small square each, POST, each answered once the screening index has
# it) and 200 reads of one ban zone, and prints the medians and their ratio, plus the index update time
# the service itself reports on /metrics. Run it for two jars (JAR=…) to compare builds.
# Build first: mvn -B -q -DskipTests package
set -eu
cd "$(dirname "$0")/../.."
PORT=${PORT:-7198}
JAR=${JAR:-target/airzone.jar}
N=${N:-200}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

AIRZONE_PORT=$PORT AIRZONE_DATA_DIR="$work/data" AIRZONE_BOOTSTRAP_ADMIN=bench:bench-password \
  java -Xmx256m -jar "$JAR" >"$work/service.log" 2>&1 &
pid=$!
until curl -sf "localhost:$PORT/health" | grep -q '"ready":true'; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 1
done

python3 - "$PORT" "$N" <<'PY'
import base64, http.client, json, statistics, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
auth = "Basic " + base64.b64encode(b"bench:bench-password").decode()
c = http.client.HTTPConnection("localhost", port)
def timed(method, path, body=None, headers={}):
    started = time.perf_counter()
    c.request(method, path, body, headers)
    r = c.getresponse()
    data = r.read()
    elapsed = (time.perf_counter() - started) * 1000
    if r.status >= 300: sys.exit(f"{method} {path}: {r.status} {data[:300]}")
    return elapsed, data
writes = []
ids = []
for i in range(n + 20):  # the first 20 warm up
    lon, lat = 100 + (i % 50) * 0.1, 30 + (i // 50) * 0.1
    ring = [[lon, lat], [lon + 0.05, lat], [lon + 0.05, lat + 0.05], [lon, lat + 0.05], [lon, lat]]
    body = json.dumps({"type": "Feature", "properties": {"name": f"bench {i}", "class": "III"},
                       "geometry": {"type": "Polygon", "coordinates": [ring]}})
    ms, data = timed("POST", "/ogc/collections/ban-zones/items", body,
                     {"Content-Type": "application/geo+json", "Authorization": auth})
    ids.append(json.loads(data)["id"])
    if i >= 20: writes.append(ms)
reads = []
for i in range(n + 20):
    ms, _ = timed("GET", f"/ogc/collections/ban-zones/items/{ids[0]}")
    if i >= 20: reads.append(ms)
_, metrics = timed("GET", "/metrics")
count = total = 0.0
for line in metrics.decode().splitlines():
    if line.startswith("airzone_index_rebuild_seconds_count"): count = float(line.split()[-1])
    if line.startswith("airzone_index_rebuild_seconds_sum"): total = float(line.split()[-1])
w, r = statistics.median(writes), statistics.median(reads)
print(f"ban-zone write: median {w:.2f} ms (p90 {statistics.quantiles(writes, n=10)[-1]:.2f}); "
      f"one-item read: median {r:.2f} ms; write/read {w / r:.1f}x; "
      f"index updates: {int(count)}, mean {total / max(count, 1) * 1000:.2f} ms")
PY
