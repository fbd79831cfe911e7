#!/usr/bin/env bash
# Throughput of the public pages, as ratios against a static file served by the same process in the
# same run (the baseline), so that results from noisy shared machines stay comparable.
#
#   bench/site-throughput.sh [DURATION_SECONDS]     (needs wrk: apt-get install wrk)
#
# Starts target/bantin.jar (building it when missing) on a fresh data directory on 127.0.0.1 only,
# measures each URL with wrk for a bounded time, stops the server and prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
port=${BENCH_PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[[ -f target/bantin.jar ]] || ./mvnw -q -B -DskipTests package
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
java -jar target/bantin.jar --server.address=127.0.0.1 --server.port="$port" --bantin.data-dir="$data" \
  --bantin.account.initial-admin-password=bench-password-1 --logging.level.root=WARN >"$data/log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null || { cat "$data/log"; exit 1; }

measure() { # url -> requests per second
  wrk -t2 -c16 -d"${duration}s" --latency "http://127.0.0.1:$port$1" 2>/dev/null | awk '/Requests\/sec/ {print $2}'
}
# warm up the JIT on every URL first
for url in /css/bantin.css / /actuator/health /login; do wrk -t2 -c8 -d3s "http://127.0.0.1:$port$url" >/dev/null 2>&1; done

baseline=$(measure /css/bantin.css)
echo "| URL | requests/s | ratio to static CSS |"
echo "|---|---:|---:|"
printf '| %s | %.0f | %.2f |\n' "/css/bantin.css (baseline)" "$baseline" 1
for url in / /login /actuator/health; do
  rps=$(measure "$url")
  printf '| %s | %.0f | %.2f |\n' "$url" "$rps" "$(echo "$rps / $baseline" | bc -l)"
done
