#!/usr/bin/env bash
# Letters after kill -9, many times: Bản tin (target/bantin.jar, embedded H2 by default) sends the sample
# items to 2,000 subscribers through a local SMTP server; the JVM is killed (SIGKILL) when a random number
# of letters has arrived, started again on the same data directory, and left to finish. Every Message-ID
# must have arrived at most once. Repeats KILLS times (default 20), each at another moment; prints one
# line per kill and exits 1 if any letter arrived twice. Not part of `./mvnw verify` (about 1 minute a kill);
# the deterministic test of the cause is vn.bantin.mailing.SendingSurvivesAbruptStopTests.
#
#   bench/crash/kill-loop.sh                      (needs python3 and curl)
#   KILLS=50 RECIPIENTS=2000 bench/crash/kill-loop.sh
#   JAR=/tmp/other.jar NICE=10 START_SECONDS=600 bench/crash/kill-loop.sh   (another build, a busy machine)
#   DB=postgres PG_URL=jdbc:postgresql://127.0.0.1:5432/bantin PG_USER=... PG_PASSWORD=... bench/crash/kill-loop.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
kills=${KILLS:-20}
n=${RECIPIENTS:-2000}
port=${PORT:-18195}
sink_port=${SINK_PORT:-18196}
jar=${JAR:-target/bantin.jar}
[[ -f $jar ]] || ./mvnw -q -B -ntp -DskipTests package
tmp=$(mktemp -d)
sink_pid="" ; app_pid=""
cleanup() {
  [[ -n $app_pid ]] && kill -9 "$app_pid" 2>/dev/null
  [[ -n $sink_pid ]] && kill "$sink_pid" 2>/dev/null
  wait 2>/dev/null
}
trap cleanup EXIT

{
  echo "email,name,village,lists"
  for ((i = 0; i < n; i++)); do echo "nguoi-$i@example.test,Người nhận $i,,can-bo-cong-chuc"; done
} > "$tmp/subscribers.csv"

db_args=()
if [[ ${DB:-h2} == postgres ]]; then
  db_args=(--spring.profiles.active=postgres "--spring.datasource.url=$PG_URL"
           "--spring.datasource.username=$PG_USER" "--spring.datasource.password=$PG_PASSWORD")
fi

start_app() { # data-dir log
  BANTIN_ADMIN_PASSWORD=kill-loop-password nice -n ${NICE:-0} java -Xmx512m -jar "$jar" --server.port=$port \
    --bantin.data-dir="$1" --bantin.subscription.sample-file="$tmp/subscribers.csv" \
    --spring.mail.host=127.0.0.1 --spring.mail.port=$sink_port \
    --bantin.mailing.rate-per-second=${RATE:-150} --bantin.mailing.rate-per-hour=0 \
    --bantin.mailing.batch-size=20 --bantin.mailing.stale-after=3s \
    --logging.level.root=WARN "${db_args[@]}" >> "$2" 2>&1 &
  app_pid=$!
  local deadline=$((SECONDS + ${START_SECONDS:-300}))
  while ((SECONDS < deadline)); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "the application stopped; see $2" >&2; return 1; }
    sleep 0.2
  done
  echo "the application did not start; see $2" >&2
  return 1
}

open_mailings() { # how many mailings are not finished yet (ids are 1, 2, ...), from the API
  local token id=1 open=0 status
  token=$(curl -fs -u admin:kill-loop-password -H 'Content-Type: application/json' \
    -d '{"name":"kill loop","expiresInDays":1}' "http://127.0.0.1:$port/api/tokens" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') || return 1
  while status=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/sends/$id" |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' 2>/dev/null); do
    [[ $status == completed || $status == cancelled ]] || open=$((open + 1))
    id=$((id + 1))
  done
  (( id > 1 )) || return 1
  echo $open
}

failed=0
for ((k = 1; k <= kills; k++)); do
  data="$tmp/data-$k"; log="$tmp/app-$k.log"; received="$tmp/received-$k.log"
  : > "$received"
  python3 bench/crash/smtp_sink.py $sink_port "$received" & sink_pid=$!
  start_app "$data" "$log" || exit 2
  target=$(( (RANDOM * 32768 + RANDOM) % (n * 3 / 2) + 20 ))
  for _ in $(seq 1 3000); do
    (( $(wc -l < "$received") >= target )) && break
    sleep 0.02
  done
  kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null; app_pid=""
  at_kill=$(wc -l < "$received")
  start_app "$data" "$log" || exit 2
  for _ in $(seq 1 600); do
    open=$(open_mailings) && [[ $open == 0 ]] && break
    sleep 1
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null; app_pid=""
  kill "$sink_pid"; wait "$sink_pid" 2>/dev/null; sink_pid=""
  total=$(wc -l < "$received")
  twice=$(cut -d' ' -f1 "$received" | sort | uniq -d | wc -l)
  echo "kill $k: killed after $at_kill letters, $total in all, $twice Message-IDs received twice"
  (( twice > 0 )) && { failed=1; cut -d' ' -f1 "$received" | sort | uniq -d | head -5; cp -r "$data" "$tmp/kept-$k"; echo "kept in $tmp"; }
done
exit $failed
