#!/usr/bin/env bash
# Scheduling costs, as ratios against baselines measured in the same run (machines here are shared
# and noisy), printed as Markdown tables for docs/benchmarks.md.
#
#   bench/schedule/run.sh                     (needs python3; 8 to 12 minutes)
#   BENCH_WINDOW=120 bench/schedule/run.sh    (seconds the triggers are spread over; default 60)
#   BENCH_TRIGGERS=2000 bench/schedule/run.sh (triggers per firing phase; default 10000)
#   BENCH_PHASES=plan bench/schedule/run.sh   (only planning; "fire" for only firing; default both)
#   BENCH_BURST=1 bench/schedule/run.sh       (also N triggers due at the same instant: capacity)
#   FIRE_ARGS=--spring.quartz.properties.org.quartz.scheduler.batchTriggerAcquisitionMaxCount=4 \
#     bench/schedule/run.sh                   (application settings for the firing run, to compare)
#
# 1. Planning: JMH (ProgrammeBenchmark, src/bench/java) times Programme.plan for the workload of
#    YearOfProgramme: one year of 50 slots and 1,000 items, against the same timetable and items
#    planned for the last week of the year (the baseline: a week with a year of items behind it), the
#    first week (almost no item released yet), and one slot with 10 items for the year (fixed cost).
# 2. Firing: FiringBenchmark starts the application (its own configuration: Quartz JDBC store on an H2
#    file database migrated by Flyway, 4 threads) on a fresh data directory with the sample content,
#    then runs phases of one-shot triggers and logs each fire's lateness (job start minus the time
#    the trigger was meant to fire): a warm-up of 500 triggers over 10 s (not reported), the baseline
#    of 100 triggers over the window, then N triggers over the same window with an empty job and with
#    the job that records and decides a publication (and with BENCH_BURST=1, N triggers all due at
#    the same instant).
# Everything stays local (127.0.0.1, random port, a temporary folder) and every process is stopped.
set -euo pipefail
cd "$(dirname "$0")/../.."
window=${BENCH_WINDOW:-60}
n=${BENCH_TRIGGERS:-10000}
phases=${BENCH_PHASES:-plan fire}
read -ra fire_args <<<"${FIRE_ARGS:-}"
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The application's classes, the test classpath with JMH (-Pbench), and the benchmarks compiled apart
# from target/test-classes (JMH's annotation processor writes the benchmark list next to them).
./mvnw -q -B -Pbench compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$tmp/classpath" >&2
rm -rf target/bench/classes
mkdir -p target/bench/classes
cp="target/classes:$(cat "$tmp/classpath")"
find src/bench/java -name '*.java' >"$tmp/sources"
javac -encoding UTF-8 -parameters -nowarn -d target/bench/classes -cp "$cp" @"$tmp/sources"
cp="target/bench/classes:$cp"

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, \
$(. /etc/os-release && echo "$PRETTY_NAME"), \
$(java -version 2>&1 | head -1 | sed 's/ version / /; s/"//g'); $(date -u '+%Y-%m-%d %H:%M UTC'); load $(load)"
echo

if [[ " $phases " == *" plan "* ]]; then
  # slots:items:days:first day; the first is the baseline
  scenarios=(50:1000:7:358 50:1000:7:0 50:1000:365:0 1:10:365:0)
  echo "planning: JMH, ${#scenarios[@]} scenarios..." >&2
  # only the scenario lines: libraries on the test classpath may log to standard output
  java -cp "$cp" vn.bantin.schedule.YearOfProgramme "${scenarios[@]}" | grep '^scenario=' >"$tmp/plans"
  java -cp "$cp" org.openjdk.jmh.Main ProgrammeBenchmark -prof gc -rf csv -rff "$tmp/jmh.csv" >"$tmp/jmh.log" 2>&1 ||
    { cat "$tmp/jmh.log" >&2; exit 1; }
  python3 - "$tmp/plans" "$tmp/jmh.csv" <<'EOF'
import csv, sys
plans = {}
for line in open(sys.argv[1]):
    fields = dict(kv.split("=", 1) for kv in line.split())
    plans[fields["scenario"]] = fields
score, error, alloc = {}, {}, {}
for row in csv.DictReader(open(sys.argv[2])):
    s = row["Param: scenario"]
    if row["Benchmark"].endswith(".plan"):
        score[s], error[s] = float(row["Score"]), float(row["Score Error (99.9%)"] or "nan")
    elif row["Benchmark"].endswith("gc.alloc.rate.norm"):
        alloc[s] = float(row["Score"]) / 1048576
names = {"50:1000:7:358": "50 slots, 1,000 items, last week of the year (baseline)",
         "50:1000:7:0": "50 slots, 1,000 items, first week of the year",
         "50:1000:365:0": "50 slots, 1,000 items, one year",
         "1:10:365:0": "1 slot, 10 items, one year"}
base = "50:1000:7:358"
print("| Programme.plan (JMH, average of 5 × 2 s after 3 × 2 s warm-up) | placements | entries "
      "| ms per plan (± 99.9 %) | ratio | µs per entry | MiB allocated per plan |")
print("|---|---:|---:|---:|---:|---:|---:|")
for s in names:
    p = plans[s]
    entries = int(p["entries"])
    print(f"| {names[s]} | {int(p['placements']):,} | {entries:,} | {score[s]:,.1f} (± {error[s]:,.1f}) "
          f"| {score[s] / score[base]:.2f} | {1000 * score[s] / max(entries, 1):.1f} | {alloc.get(s, float('nan')):,.1f} |")
EOF
  echo
fi

if [[ " $phases " == *" fire "* ]]; then
  fire_phases=(warm-up:500:10:record baseline:100:"$window":record empty:"$n":"$window":empty
    record:"$n":"$window":record)
  [[ ${BENCH_BURST:-0} == 1 ]] && fire_phases+=(burst:"$n":0:record)
  echo "firing: start the application, then ${#fire_phases[@]} phases (at least $((window * 3 / 60 + 2)) minutes)..." >&2
  if ! java -cp "$cp" vn.bantin.schedule.FiringBenchmark "$tmp/data" content "${fire_args[@]}" \
    "${fire_phases[@]}" >"$tmp/fire.log" 2>&1; then
    grep '^phase=' "$tmp/fire.log" >&2 || tail -50 "$tmp/fire.log" >&2
    echo "a phase lost fires or publications (see above)" >&2
    exit 1
  fi
  grep '^phase=' "$tmp/fire.log" >"$tmp/fires"
  python3 - "$tmp/fires" <<'EOF'
import sys
rows = [dict(kv.split("=", 1) for kv in line.split()) for line in open(sys.argv[1])]
rows = {r["phase"]: r for r in rows}
base = rows["baseline"]
def ratio(r, k):
    b = float(base[k])
    return f"{float(r[k]) / b:,.1f}" if b > 0 else "–"
def ms(r, k):
    return f"{float(r[k]):,.1f}"
labels = {
    "baseline": "baseline: {n} over {window_s} s, record",
    "empty": "{n} over {window_s} s, empty job",
    "record": "{n} over {window_s} s, record",
    "burst": "{n} due at the same instant, record",
}
print("| one-shot triggers, job | fired | publications | misfired | lateness median / p95 / p99 / max (ms) "
      "| ratio median / p95 / max | job median / max (ms) | offered / achieved fires per s |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for name in [name for name in ["baseline", "empty", "record", "burst"] if name in rows]:
    r = rows[name]
    pubs = f"{int(r['publications']):,}" if r["job"] == "record" else "–"
    offered = f"{float(r['offered_per_s']):.0f}" if float(r["offered_per_s"]) > 0 else "all at once"
    label = labels[name].format(n=f"{int(r['triggers']):,}", **r)
    print(f"| {label} | {int(r['fired']):,} | {pubs} | {int(r['misfired']):,} "
          f"| {ms(r, 'median_ms')} / {ms(r, 'p95_ms')} / {ms(r, 'p99_ms')} / {ms(r, 'max_ms')} "
          f"| {ratio(r, 'median_ms')} / {ratio(r, 'p95_ms')} / {ratio(r, 'max_ms')} "
          f"| {ms(r, 'job_median_ms')} / {ms(r, 'job_max_ms')} | {offered} / {float(r['achieved_per_s']):.0f} |")
w = rows["warm-up"]
print(f"\nWarm-up (not in the table): {w['triggers']} over {w['window_s']} s, lateness median {ms(w, 'median_ms')} ms, "
      f"max {ms(w, 'max_ms')} ms.")
EOF
fi
echo
echo "Load average at the end: $(load)"
