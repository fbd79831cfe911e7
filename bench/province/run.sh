#!/usr/bin/env bash
# A province on PostgreSQL: N communes × M items × 6 radio slots on one deployment, against one of
# those communes alone in a single-commune deployment measured in the same run (machines here are
# shared and noisy: read the ratios). Prints Markdown tables for docs/benchmarks.md.
#
#   bench/province/run.sh                      (needs python3, wrk, PostgreSQL's initdb/pg_ctl/postgres
#                                               and psql; full scale: longer than 15 minutes on 2 cores)
#   BENCH_COMMUNES=200 BENCH_ITEMS=50 bench/province/run.sh   (communes, items per commune; 200 × 500)
#   BENCH_DURATION=10 bench/province/run.sh    (seconds of wrk per URL and deployment; default 10)
#   BENCH_LEAD=300 bench/province/run.sh       (seconds from the timetable change to the busy minute, at
#                                               least; default 120 + one per commune: the watcher reloads
#                                               the communes' timetables one after the other)
#   PG_BIN=/usr/lib/postgresql/15/bin bench/province/run.sh   (where initdb, pg_ctl and postgres are)
#
# 1. Start and memory. bench/province/generate.py writes the communes folder; a throw-away PostgreSQL
#    cluster (temporary folder, free port, a non-superuser role `bantin` owning database `bantin`: the
#    application must not connect as a superuser, which row-level security would not hold) and the
#    application with --bantin.communes-dir and --bantin.province.host=tinh.localhost on a fresh
#    database: from process start to Spring's "Started" line and to the last commune's "Loaded ...
#    item(s)" line (log timestamps), CPU time of all threads and peak RSS (VmHWM) just after it.
# 2. The busy minute. generate.py --fire-at rewrites every commune's radio.yaml so that its slot
#    ban-tin-cao-diem is due at the same instant T (a whole minute at least BENCH_LEAD seconds ahead,
#    written as the wall-clock time of T in each commune's own zone); the folder watcher reloads the
#    timetables. After T, as the superuser (which row-level security does not filter), the lateness of
#    each publication of occurrence T: created_at (the clock when the fire recorded it) − occurrence;
#    p50/p99/max per commune (its first and its last record) and per publication.
# 3. Serving. wrk -t2 -c16 -H 'Host: xa-001.localhost' on that commune's home page and one item page of
#    the province deployment, then the same commune alone: a second deployment on a fresh database
#    `bantin_single` with --bantin.content-dir/--bantin.schedules-dir set to the commune's folders and
#    no communes-dir (its start and memory are measured too, as the baseline of part 1).
# Everything stays local (127.0.0.1, free ports, a temporary folder) and every process started is
# stopped at the end (trap), the PostgreSQL cluster with it.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${BENCH_COMMUNES:-200}
m=${BENCH_ITEMS:-500}
duration=${BENCH_DURATION:-10}
lead=${BENCH_LEAD:-$((120 + n))}
pg_bin=${PG_BIN:-$(dirname "$(command -v initdb || echo /usr/local/bin/initdb)")}
for tool in python3 wrk psql curl "$pg_bin/initdb" "$pg_bin/pg_ctl" /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install -y wrk postgresql time)" >&2; exit 2; }
done
[[ -f target/bantin.jar ]] || ./mvnw -q -B -DskipTests package
jar_file=$(pwd)/target/bantin.jar
tmp=$(mktemp -d)
chmod 755 "$tmp"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pgport=$(free_port)
port=$(free_port)
app=""   # pid of /usr/bin/time running the application
java=""  # pid of the application itself
pg_started=""
as_postgres=()
[[ $(id -u) == 0 ]] && as_postgres=(runuser -u postgres --) # initdb and postgres refuse to run as root
stop_app() {
  [[ -n "$java" ]] && { kill "$java" 2>/dev/null || true; }
  [[ -n "$app" ]] && { wait "$app" 2>/dev/null || true; }
  app=""
  java=""
}
cleanup() {
  stop_app
  [[ -n "$pg_started" ]] && { "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$tmp/pg" -m fast -w stop >/dev/null 2>&1 || true; }
  if [[ -n "${BENCH_KEEP:-}" ]]; then echo "kept: $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, \
$(. /etc/os-release && echo "$PRETTY_NAME"), \
$(java -version 2>&1 | head -1 | sed 's/ version / /; s/"//g'), $("$pg_bin/postgres" --version); \
$(date -u '+%Y-%m-%d %H:%M UTC'); load $(load)"
echo "Load: $n communes × $m items × 6 radio slots (busy slot: all communes at one instant)"
echo

# --- PostgreSQL: a throw-away cluster, the role bantin (not a superuser) owning its databases
mkdir -p "$tmp/pg"
[[ ${#as_postgres[@]} -gt 0 ]] && chown postgres "$tmp/pg"
"${as_postgres[@]}" "$pg_bin/initdb" -D "$tmp/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 ||
  { cat "$tmp/initdb.log" >&2; exit 1; }
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg/server.log" -w \
  -o "-p $pgport -k $tmp/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
pg_started=1
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }
sql -d postgres -c "CREATE ROLE bantin LOGIN PASSWORD 'bench-password' NOSUPERUSER NOBYPASSRLS" \
  -c "CREATE DATABASE bantin OWNER bantin" -c "CREATE DATABASE bantin_single OWNER bantin"

# --- the communes folder
gen="$tmp/communes"
echo "writing $n communes × $m items..." >&2
python3 bench/province/generate.py "$n" "$m" "$gen"
commune=xa-001
host=$commune.localhost
item=$(sed -n 's/^id: //p' "$(find "$gen/$commune/content/items" -name '*.md' | sort | head -1)" | head -1)

jar=(java -jar "$jar_file" --spring.profiles.active=postgres --spring.datasource.username=bantin
  --spring.datasource.password=bench-password --server.address=127.0.0.1 --server.port="$port"
  --bantin.account.initial-admin-password=bench-password-1)
millis() { date -d "$1" +%s%3N; } # a log timestamp (2026-11-28T23:46:24.276Z) in epoch ms

# start LABEL DATABASE EXPECTED-LOADS ARGS... -> the application runs; sets started_ms, loaded_ms (from
# process start), cpu_s and rss_mib (just after the last expected "Loaded ... item(s)" line)
start() {
  local label=$1 db=$2 expected=$3 t0 timeout
  shift 3
  log="$tmp/$label.log"
  timeout=$((600 + n * m / 50))
  t0=$(date +%s%3N)
  /usr/bin/time -v -o "$tmp/$label.time" "${jar[@]}" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$pgport/$db" \
    --bantin.data-dir="$tmp/$label-data" "$@" >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1 50); do java=$(pgrep -P "$app" || true); [[ -n "$java" ]] && break; sleep 0.1; done
  until (($(grep -cE 'Loaded [0-9]+ plan\(s\) and [0-9]+ item\(s\) from' "$log") >= expected)); do
    kill -0 "$app" 2>/dev/null || { tail -50 "$log" >&2; echo "$label: the application stopped" >&2; exit 1; }
    (($(date +%s%3N) - t0 < timeout * 1000)) || { tail -20 "$log" >&2; echo "$label: not loaded after ${timeout}s" >&2; exit 1; }
    sleep 0.5
  done
  rss_mib=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$java/status")
  cpu_s=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$java/stat")
  # the scheduler's start-up sweep (slot triggers and item releases of every commune) ends the start:
  # changing timetables before it ends is a different test (see docs/benchmarks.md)
  until grep -q 'Scheduler start-up sweep at' "$log"; do
    kill -0 "$app" 2>/dev/null || { tail -50 "$log" >&2; echo "$label: the application stopped" >&2; exit 1; }
    (($(date +%s%3N) - t0 < timeout * 1000)) || { tail -20 "$log" >&2; echo "$label: no start-up sweep after ${timeout}s" >&2; exit 1; }
    sleep 0.5
  done
  swept_ms=$(($(millis "$(grep -m1 'Scheduler start-up sweep at' "$log" | cut -d' ' -f1)") - t0))
  started_ms=$(($(millis "$(grep -m1 'Started BantinApplication' "$log" | cut -d' ' -f1)") - t0))
  loaded_ms=$(($(millis "$(grep -E 'Loaded [0-9]+ plan\(s\) and [0-9]+ item\(s\) from' "$log" | tail -1 | cut -d' ' -f1)") - t0))
  local problems
  problems=$(grep -cE 'Loaded [0-9]+ plan\(s\) and [0-9]+ item\(s\) from .*; [1-9][0-9]* problem' "$log" || true)
  ((problems == 0)) || echo "$label: $problems folder(s) loaded with problems (see the log)" >&2
  echo "$label: started $((started_ms / 1000)) s, loaded $((loaded_ms / 1000)) s, swept $((swept_ms / 1000)) s, CPU ${cpu_s} s, VmHWM ${rss_mib} MiB; load $(load)" >&2
}

# serve LABEL -> a line "home_rps home_p99 item_rps item_p99" for the running application
measure() {
  wrk -t2 -c16 -d"${duration}s" --latency -H "Host: $host" "$1" 2>/dev/null | awk '
    /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
      ms = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }
    END { if (bad > 0) print "non-2xx answers: " bad > "/dev/stderr"; printf "%.0f %.2f\n", rps, ms }'
}
serve() {
  local base="http://127.0.0.1:$port" code
  for url in / "/items/$item"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $host" "$base$url")
    [[ $code == 200 ]] || { echo "$1: $url answered $code" >&2; exit 1; }
    wrk -t2 -c8 -d3s -H "Host: $host" "$base$url" >/dev/null 2>&1 # warm-up
  done
  echo "$(measure "$base/") $(measure "$base/items/$item")"
}

# --- 1. the province deployment
echo "1. province: $n communes on a fresh database..." >&2
start province bantin "$n" --bantin.communes-dir="$gen" --bantin.province.host=tinh.localhost
p_started=$started_ms p_loaded=$loaded_ms p_swept=$swept_ms p_cpu=$cpu_s p_rss=$rss_mib
p_communes=$(grep -m1 -oE 'Loaded [0-9]+ commune\(s\)[^;]*; [0-9]+ problem\(s\)' "$log" || echo "no commune line")
p_items=$(sql -d bantin -c "SELECT count(*) FROM item")

# --- 2. the busy minute: every commune's ban-tin-cao-diem at the same instant T
now=$(date +%s)
fire=$(((now + lead + 59) / 60 * 60))
fire_iso=$(date -u -d "@$fire" +%Y-%m-%dT%H:%M:%SZ)
echo "2. busy minute: every commune's bulletin at $fire_iso (in its own zone); rewriting the timetables..." >&2
reloads_before=$(grep -c 'Timetable files changed: reloading' "$log" || true)
python3 bench/province/generate.py --fire-at="$fire_iso" "$n" "$m" "$gen"
alive() { kill -0 "$app" 2>/dev/null || { tail -50 "$log" >&2; echo "province: the application stopped" >&2; exit 1; }; }
until (($(date +%s) >= fire + 30)); do alive; sleep 5; done
reloads=$(($(grep -c 'Timetable files changed: reloading' "$log" || true) - reloads_before))
last_reload=$(grep 'Timetable files changed: reloading' "$log" | tail -1 | cut -d' ' -f1)
echo "   $reloads timetable reload(s), the last at ${last_reload:-none}" >&2
# wait until every commune has its publications of T, or 5 minutes after T
q_done="SELECT count(DISTINCT commune_id) FROM publication WHERE channel = 'RADIO' AND occurrence = TIMESTAMPTZ '$fire_iso'"
until (($(sql -d bantin -c "$q_done") >= n)) || (($(date +%s) >= fire + 300)); do alive; sleep 5; done
fired=$(sql -d bantin -c "$q_done")
lateness=$(sql -d bantin -F ' ' -c "
  WITH p AS (SELECT commune_id, EXTRACT(EPOCH FROM created_at - occurrence) AS s FROM publication
             WHERE channel = 'RADIO' AND occurrence = TIMESTAMPTZ '$fire_iso'),
       c AS (SELECT min(s) AS first, max(s) AS last FROM p GROUP BY commune_id)
  SELECT 'first', count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY first), percentile_cont(0.99) WITHIN GROUP (ORDER BY first), max(first) FROM c
  UNION ALL SELECT 'last', count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY last), percentile_cont(0.99) WITHIN GROUP (ORDER BY last), max(last) FROM c
  UNION ALL SELECT 'all', count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY s), percentile_cont(0.99) WITHIN GROUP (ORDER BY s), max(s) FROM p")
twice=$(sql -d bantin -c "SELECT count(*) FROM (SELECT 1 FROM publication WHERE occurrence = TIMESTAMPTZ '$fire_iso'
  GROUP BY commune_id, item_id, channel, target HAVING count(*) > 1) d")
p_rss_busy=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$java/status")

# --- 3. serving, province deployment
echo "3. serving: $host in the province deployment..." >&2
read -r ph pp pi pip <<<"$(serve province)"
stop_app
p_rss_end=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tmp/province.time")

# --- the same commune alone (baseline of parts 1 and 3)
echo "   the same commune alone, fresh database..." >&2
start single bantin_single 1 --bantin.content-dir="$gen/$commune/content" --bantin.schedules-dir="$gen/$commune/schedules"
s_started=$started_ms s_loaded=$loaded_ms s_swept=$swept_ms s_cpu=$cpu_s s_rss=$rss_mib
read -r sh sp si sip <<<"$(serve single)"
stop_app
s_rss_end=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tmp/single.time")

# --- results
echo "Province: $p_communes; $p_items item rows in the database; load at the end $(load)"
echo
echo "| start on a fresh database | one commune alone (baseline) | $n communes | ratio |"
echo "|---|---:|---:|---:|"
awk -v a="$s_started" -v b="$p_started" 'BEGIN { printf "| process start → `Started` (s) | %.1f | %.1f | %.2f |\n", a / 1000, b / 1000, b / a }'
awk -v a="$s_loaded" -v b="$p_loaded" 'BEGIN { printf "| process start → content loaded (last `Loaded … item(s)`) (s) | %.1f | %.1f | %.2f |\n", a / 1000, b / 1000, b / a }'
awk -v a="$s_swept" -v b="$p_swept" 'BEGIN { printf "| process start → scheduler start-up sweep done (s) | %.1f | %.1f | %.2f |\n", a / 1000, b / 1000, b / a }'
awk -v a="$s_cpu" -v b="$p_cpu" 'BEGIN { printf "| CPU time to content loaded (s) | %.1f | %.1f | %.2f |\n", a, b, b / a }'
awk -v a="$s_rss" -v b="$p_rss" 'BEGIN { printf "| peak RSS at content loaded (MiB) | %d | %d | %.2f |\n", a, b, b / a }'
awk -v a="$s_rss_end" -v b="$p_rss_end" 'BEGIN { printf "| peak RSS of the whole run, wrk included (MiB) | %d | %d | %.2f |\n", a, b, b / a }'
echo
echo "Busy minute: $fired of $n communes fired ban-tin-cao-diem at $fire_iso; $reloads timetable reload(s) \
(the last at ${last_reload:-none}); $twice publication(s) recorded twice; VmHWM after it $p_rss_busy MiB."
echo
echo "| lateness at $fire_iso (s) = created_at − occurrence | count | p50 | p99 | max |"
echo "|---|---:|---:|---:|---:|"
while read -r what count p50 p99 max; do
  case $what in
    first) what="per commune: its first publication" ;;
    last) what="per commune: its last publication" ;;
    all) what="every publication" ;;
  esac
  awk -v w="$what" -v c="$count" -v a="$p50" -v b="$p99" -v x="$max" 'BEGIN { printf "| %s | %d | %.2f | %.2f | %.2f |\n", w, c, a, b, x }'
done <<<"$lateness"
echo
echo "| $host, wrk -t2 -c16 -d${duration}s | alone req/s | in the province req/s | ratio province/alone | alone p99 ms | province p99 ms |"
echo "|---|---:|---:|---:|---:|---:|"
awk -v a="$sh" -v b="$ph" -v c="$sp" -v d="$pp" 'BEGIN { printf "| `/` | %.0f | %.0f | %.2f | %.1f | %.1f |\n", a, b, b / a, c, d }'
awk -v u="/items/$item" -v a="$si" -v b="$pi" -v c="$sip" -v d="$pip" 'BEGIN {
  if (length(u) > 40) u = substr(u, 1, 37) "..."
  printf "| `%s` | %.0f | %.0f | %.2f | %.1f | %.1f |\n", u, a, b, b / a, c, d }'
