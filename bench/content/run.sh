#!/usr/bin/env bash
# Cost of loading a content folder of N item files (default 10,000), as ratios against a folder with
# the plan alone measured in the same run (the baseline), so results from noisy shared machines stay
# comparable.
#
#   bench/content/run.sh [N]          (needs python3 and /usr/bin/time: apt-get install time)
#   JAVA_OPTS=-Xmx256m bench/content/run.sh 10000     (JVM options for every java run; default none)
#   BENCH_RUNS=1 bench/content/run.sh 1000            (rounds, default 3; the table shows medians)
#
# For the baseline folder and the N-file folder, both written by generate.py into a temporary folder:
#   validate      `bantin.jar validate DIR`: read and check every file, no database; wall time, CPU time
#                 and peak RSS from /usr/bin/time -v
#   first start   the server on a fresh H2 database, from process start to the log line
#                 "Loaded ... item(s)", and from Spring's "Started" line to it (the log's timestamps); CPU
#                 time and peak RSS (VmHWM) are read from /proc just after that line
#   second start  the same on the same database, files unchanged (every upsert is a no-op)
# Everything stays local (127.0.0.1, random port, temporary folders) and every process is stopped.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
runs=${BENCH_RUNS:-3}         # rounds; the table shows medians
timeout=${BENCH_TIMEOUT:-1800} # seconds one start may take before the run gives up
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 2; }
[[ -f target/bantin.jar ]] || ./mvnw -q -B -DskipTests package
tmp=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }; rm -rf "$tmp"' EXIT
read -ra java_opts <<<"${JAVA_OPTS:-}"

python3 bench/content/generate.py 0 "$tmp/empty"
python3 bench/content/generate.py "$n" "$tmp/full"

validate() { # dir -> sets ms (wall time), cpu_ms (user + system) and rss (peak, KiB)
  if ! /usr/bin/time -v -o "$tmp/time" java "${java_opts[@]}" -jar target/bantin.jar validate "$1" >"$tmp/out" 2>&1; then
    cat "$tmp/out" >&2; exit 1 # the generator must write clean files: a problem here is a bug
  fi
  ms=$(awk -F': ' '/Elapsed \(wall clock\)/ { k = split($2, p, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + p[i]
    printf "%d", s * 1000 }' "$tmp/time")
  cpu_ms=$(awk -F': ' '/(User|System) time/ { s += $2 } END { printf "%d", s * 1000 }' "$tmp/time")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time")
}

millis() { date -d "$1" +%s%3N; } # a log timestamp (2026-11-28T23:46:24.276Z) in epoch ms

start() { # content dir, data dir, expected items -> sets ms (start to "Loaded"), load_ms ("Started" to
  # "Loaded"), cpu_ms (user + system, all threads, until "Loaded") and rss (peak, KiB, until "Loaded")
  local log="$2/log.$(date +%s%N)" t0 t1
  mkdir -p "$2"
  : >"$log" # exists before the first poll
  t0=$(date +%s%3N)
  java "${java_opts[@]}" -jar target/bantin.jar --server.address=127.0.0.1 --server.port=0 --bantin.data-dir="$2" \
    --bantin.content-dir="$1" --bantin.account.initial-admin-password=x-bench-123 >"$log" 2>&1 &
  pid=$!
  # poll the log every 50 ms: small against starts of several seconds
  until grep -q 'Loaded .* item(s)' "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "the server stopped before loading" >&2; exit 1; }
    (($(date +%s%3N) - t0 < timeout * 1000)) || { echo "no 'Loaded' line after ${timeout}s" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%3N)
  rss=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")
  kill -TERM "$pid"
  wait "$pid" || true # a JVM stopped by SIGTERM exits with 143
  pid=""
  grep -q "Loaded 1 plan(s) and $3 item(s) .*; 0 problem(s)" "$log" ||
    { grep 'Loaded\|problem' "$log" >&2; echo "expected $3 items and no problem" >&2; exit 1; }
  ms=$((t1 - t0))
  # "Started" (context ready) to "Loaded" is the time of the runners, mostly the content folder's
  load_ms=$(($(millis "$(grep -m1 'Loaded .* item(s)' "$log" | cut -d' ' -f1)") -
    $(millis "$(grep -m1 'Started BantinApplication' "$log" | cut -d' ' -f1)")))
}

# CPU time counts too: other jobs on a shared machine stretch wall time much more than CPU time.
# Rounds alternate baseline and N files, so that a burst of load elsewhere hits both; medians are shown.
declare -A m # measurement name -> its values, one per round
keep() { m[$1]+="$2 "; }
for round in $(seq 1 "$runs"); do
  echo "round $round of $runs: validate, then two starts with the plan only and two with $n files..." >&2
  for folder in empty full; do
    validate "$tmp/$folder"
    keep "v-$folder" "$ms"; keep "vc-$folder" "$cpu_ms"; keep "vr-$folder" "$rss"
  done
  for folder in empty full; do
    rm -rf "$tmp/data-$folder" # a fresh database for the first start of every round
    expected=0
    if [[ $folder == full ]]; then expected=$n; fi
    for nth in 1 2; do
      start "$tmp/$folder" "$tmp/data-$folder" "$expected"
      keep "s$nth-$folder" "$ms"; keep "l$nth-$folder" "$load_ms"
      keep "c$nth-$folder" "$cpu_ms"; keep "r$nth-$folder" "$rss"
    done
  done
done

median() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
row() { # label, measurement name, divisor: 1000 for ms (shown in s, with the cost per file), 1024 for KiB (MiB)
  awk -v l="$1" -v b="$(median "${m[$2-empty]}")" -v v="$(median "${m[$2-full]}")" -v d="$3" -v n="$n" 'BEGIN {
    per = (d == 1000) ? sprintf("%.2f ms", (v - b) / n) : ""
    printf "| %s | %.1f | %.1f | %.1f | %.2f | %s |\n", l, b / d, v / d, (v - b) / d, v / b, per }'
}
echo "| median of $runs, $(nproc) CPUs, $(date -u +%Y-%m-%d) | plan only (baseline) | $n files | difference | ratio | per file |"
echo "|---|---:|---:|---:|---:|---:|"
row "validate: wall time (s)" v 1000
row "validate: CPU time (s)" vc 1000
row "validate: peak RSS (MiB)" vr 1024
row "first start, fresh database: start to 'Loaded' (s)" s1 1000
row "… of which 'Started' to 'Loaded' (s)" l1 1000
row "first start: CPU time to 'Loaded' (s)" c1 1000
row "first start: peak RSS (MiB)" r1 1024
row "second start, files unchanged: start to 'Loaded' (s)" s2 1000
row "… of which 'Started' to 'Loaded' (s)" l2 1000
row "second start: CPU time to 'Loaded' (s)" c2 1000
row "second start: peak RSS (MiB)" r2 1024
