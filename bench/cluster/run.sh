#!/usr/bin/env bash
# Readers of the public site through a balancer while two nodes send 10,000 letters and one node is
# killed (SIGKILL), compared with the same readers against one node in the same run.
#
#   bench/cluster/run.sh                         (needs PostgreSQL 15 server binaries, nginx, wrk, python3)
#   RECIPIENTS=10000 SECONDS_EACH=30 CONNECTIONS=100 bench/cluster/run.sh
#
# What it starts, all on 127.0.0.1: a PostgreSQL of its own (initdb in a temporary folder, an ordinary
# role as in production), an SMTP sink (bench/crash/smtp_sink.py: one line per message), node 1 and then
# node 2 of target/bantin.jar on that database (profile postgres, the same arguments but the node name),
# and nginx with the upstream block of docs/cluster.md in front of both.
# Phases, each SECONDS_EACH seconds of wrk -c CONNECTIONS on the home page, while the sample items go to
# RECIPIENTS subscribers of the list can-bo-cong-chuc:
#   1. one node:      wrk straight at node 1 (the baseline)
#   2. balancer:      wrk at nginx, both nodes up
#   3. balancer+kill: wrk at nginx, node 1 killed with SIGKILL a third of the way in
# Then it waits for node 2 to finish the send and counts Message-IDs received twice (must be 0) and the
# deliveries left uncertain. Prints a Markdown table for docs/benchmarks.md.
set -uo pipefail
cd "$(dirname "$0")/../.."
n=${RECIPIENTS:-10000}
each=${SECONDS_EACH:-30}
connections=${CONNECTIONS:-100}
rate=${RATE:-100}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
base=${BASE_PORT:-18300}
pg_port=$base; sink_port=$((base + 1)); lb_port=$((base + 2)); p1=$((base + 3)); p2=$((base + 4))
jar=${JAR:-target/bantin.jar}
for tool in wrk nginx python3 curl; do
  command -v $tool >/dev/null || { echo "$tool is missing (apt-get install wrk nginx-light python3 curl)" >&2; exit 2; }
done
[[ -x $pg_bin/initdb ]] || { echo "PostgreSQL server binaries missing in $pg_bin (apt-get install postgresql-15)" >&2; exit 2; }
[[ -f $jar ]] || ./mvnw -q -B -ntp -DskipTests package
tmp=$(mktemp -d)
chmod 755 "$tmp"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
  for file in "$tmp"/*.node-pid; do [[ -f $file ]] && kill -9 "$(cat "$file")" 2>/dev/null; done
  [[ -f $tmp/nginx.pid ]] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null
  su_pg "$pg_bin/pg_ctl -D $tmp/pg -m immediate stop" >/dev/null 2>&1
  wait 2>/dev/null
}
trap cleanup EXIT

# PostgreSQL refuses to run as root: run it as the 'nobody' user then
su_pg() { if [[ $(id -u) == 0 ]]; then su -s /bin/bash nobody -c "$1"; else bash -c "$1"; fi; }
mkdir -p "$tmp/pg" && chown nobody "$tmp/pg" 2>/dev/null
su_pg "$pg_bin/initdb -D $tmp/pg -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log"; exit 1; }
su_pg "$pg_bin/pg_ctl -D $tmp/pg -o '-p $pg_port -k $tmp/pg -c max_connections=200' -l $tmp/pg/log -w start" >/dev/null \
  || { cat "$tmp/pg/log"; exit 1; }
psql_pg() { psql -h 127.0.0.1 -p $pg_port -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_pg -c "CREATE ROLE bantin LOGIN NOSUPERUSER NOBYPASSRLS" -c "CREATE DATABASE bantin OWNER bantin ENCODING 'UTF8'"

{
  echo "email,name,village,lists"
  for ((i = 0; i < n; i++)); do echo "nguoi-$i@example.test,Người nhận $i,,can-bo-cong-chuc"; done
} > "$tmp/subscribers.csv"
python3 bench/crash/smtp_sink.py $sink_port "$tmp/received.log" & pids+=($!)

start_node() { # name port
  BANTIN_ADMIN_PASSWORD=bench-cluster-password java -Xmx768m -jar "$jar" --server.address=127.0.0.1 \
    --server.port=$2 --bantin.node-id=$1 --bantin.data-dir="$tmp/data-$1" \
    --spring.profiles.active=postgres --spring.datasource.url="jdbc:postgresql://127.0.0.1:$pg_port/bantin" \
    --spring.datasource.username=bantin --spring.datasource.password= \
    --bantin.subscription.sample-file="$tmp/subscribers.csv" \
    --spring.mail.host=127.0.0.1 --spring.mail.port=$sink_port \
    --bantin.mailing.rate-per-second=$rate --bantin.mailing.rate-per-hour=0 \
    --logging.level.root=WARN >"$tmp/$1.log" 2>&1 &
  local pid=$!
  echo $pid > "$tmp/$1.node-pid"
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null 2>&1 && { echo $pid; return 0; }
    kill -0 $pid 2>/dev/null || { echo "node $1 stopped; see $tmp/$1.log" >&2; tail -30 "$tmp/$1.log" >&2; return 1; }
    sleep 0.5
  done
  echo "node $1 did not start" >&2; return 1
}
# start_node runs in a subshell ($(...)): the caller keeps the pids for the cleanup
node1=$(start_node node-1 $p1) || exit 1
pids+=($node1)
node2=$(start_node node-2 $p2) || exit 1
pids+=($node2)

cat > "$tmp/nginx.conf" <<NGINX
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  upstream bantin {
    server 127.0.0.1:$p1 max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$p2 max_fails=1 fail_timeout=10s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://bantin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 1s;
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 2;
    }
  }
}
NGINX
nginx -p "$tmp" -c "$tmp/nginx.conf" & pids+=($!)
sleep 1

letters() { wc -l < "$tmp/received.log"; }
# warm both nodes' JIT on the page before measuring
wrk -t2 -c16 -d5s "http://127.0.0.1:$p1/" >/dev/null 2>&1
wrk -t2 -c16 -d5s "http://127.0.0.1:$p2/" >/dev/null 2>&1

measure() { # name url [kill-after-seconds] -> one Markdown row
  local out kill_at=${3:-}
  if [[ -n $kill_at ]]; then (sleep "$kill_at"; kill -9 "$node1") & fi
  local before; before=$(letters)
  out=$(wrk -t2 -c"$connections" -d"${each}s" --timeout 10s --latency "$2" 2>&1)
  local rps p99 non2xx errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out"); errors=${errors:-0}
  echo "| $1 | $rps | $p99 | $non2xx | $errors | $(( $(letters) - before )) |"
}
echo "| readers ($connections connections, ${each}s each) | req/s | p99 latency | non-2xx/3xx | socket errors | letters sent meanwhile |"
echo "|---|---:|---:|---:|---:|---:|"
measure "one node, straight (baseline)" "http://127.0.0.1:$p1/"
measure "two nodes behind nginx" "http://127.0.0.1:$lb_port/"
measure "two nodes behind nginx, node 1 killed at $((each / 3)) s" "http://127.0.0.1:$lb_port/" $((each / 3))

# node 2 finishes the send: wait until no letter arrived for 60 s (claims of the dead node are taken over
# after the node timeout, 30 s by default)
last=$(letters); quiet=0
while (( quiet < 60 )); do sleep 5; now=$(letters); if (( now == last )); then quiet=$((quiet + 5)); else quiet=0; last=$now; fi; done
twice=$(cut -d' ' -f1 "$tmp/received.log" | sort | uniq -d | wc -l)
recipients=$(cut -d' ' -f2 "$tmp/received.log" | tr ',' '\n' | sort -u | wc -l)
uncertain=$(psql_pg -d bantin -c "SELECT count(*) FROM delivery WHERE status = 'UNCERTAIN'")
open=$(psql_pg -d bantin -c "SELECT count(*) FROM delivery WHERE status IN ('PENDING','CLAIMED','SENDING','RETRY')")
echo
echo "letters received: $(letters) (to $recipients recipients), Message-IDs received twice: $twice," \
  "deliveries uncertain: $uncertain, still open: $open"
(( twice == 0 ))
