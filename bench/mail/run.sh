#!/usr/bin/env bash
# Email delivery: Bản tin sending one item to a list of N subscribers against a bare Jakarta Mail loop
# sending N messages of the same shape over one reused connection, both to the same local SMTP server
# (Postfix's smtp-sink, which accepts and discards everything) in the same run on the same machine.
#
#   bench/mail/run.sh                 (needs smtp-sink from Debian's postfix package, python3, curl:
#                                      apt-get install -y postfix python3 curl; about 3 minutes)
#   BENCH_RECIPIENTS=2000 bench/mail/run.sh   (default 10000)
#   BENCH_ROUNDS=3 bench/mail/run.sh          (baseline and Bản tin this many times each; default 2)
#   BENCH_MESSAGE_BYTES=10000 bench/mail/run.sh   (the baseline's message size; default 10000, the
#                                               median of Bản tin's letters for the sample items)
#
# Bản tin runs from target/bantin.jar on a fresh H2 data directory with its rate limits lifted; the
# subscribers are added through the API (consent given by an administrator); the time is from
# `POST /api/lists/{list}/sends` until `GET /api/sends/{id}` says completed (polled every 100 ms):
# composing each message from the Thymeleaf template, signing its links, claiming rows, marking each
# SENDING and SENT in the database, and SMTP. The baseline (bench/mail/BareLoop.java) only builds and
# sends. Everything stays local (127.0.0.1) and every process started is stopped.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${BENCH_RECIPIENTS:-10000}
bytes=${BENCH_MESSAGE_BYTES:-10000}
rounds=${BENCH_ROUNDS:-2}
port=${BENCH_PORT:-18095}
sink_port=${SINK_PORT:-18096}
sink=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
[[ -x "$sink" ]] || { echo "smtp-sink is missing: apt-get install -y postfix" >&2; exit 2; }
for tool in python3 curl java; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
[[ -f target/bantin.jar ]] || ./mvnw -q -B -DskipTests package
[[ -f target/bench-mail.classpath ]] || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/bench-mail.classpath >/dev/null
tmp=$(mktemp -d)
pid=""
sink_pid=""
stop() {
  [[ -n "$pid" ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  [[ -n "$sink_pid" ]] && { kill "$sink_pid" 2>/dev/null || true; wait "$sink_pid" 2>/dev/null || true; }
  pid=""
  sink_pid=""
}
trap 'stop; rm -rf "$tmp"' EXIT

echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -h | awk '/Mem:/ {print $2}') RAM, $(java -version 2>&1 | head -1), smtp-sink (postfix $(dpkg-query -W -f='${Version}' postfix 2>/dev/null || echo '?')), $(date -u +%Y-%m-%d)"
echo "recipients: $n, rounds: $rounds, baseline message: $bytes bytes"

# smtp-sink: -u to drop privileges when root, backlog 1000; it answers 250 to everything
"$sink" -u "$(id -un)" "127.0.0.1:$sink_port" 1000 &
sink_pid=$!
sleep 0.5

password=bench-password-1
echo "starting Bản tin..." >&2
java -Xmx1g -jar target/bantin.jar --server.port="$port" --bantin.data-dir="$tmp/data" \
  --bantin.account.initial-admin-password="$password" --logging.level.root=WARN \
  --spring.mail.host=127.0.0.1 --spring.mail.port="$sink_port" \
  --bantin.mailing.rate-per-second=0 --bantin.mailing.rate-per-hour=0 >"$tmp/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { cat "$tmp/app.log" >&2; exit 1; }

for round in $(seq 1 "$rounds"); do
  base=$(java -cp "$(cat target/bench-mail.classpath)" bench/mail/BareLoop.java 127.0.0.1 "$sink_port" "$n" "$bytes" 2>/dev/null | tail -1)
  echo "round $round baseline (bare Jakarta Mail loop): $base  (messages seconds messages/s)"
  app=$(python3 bench/mail/send.py "http://127.0.0.1:$port" admin "$password" "$n" "$round")
  echo "round $round Bản tin (list send, API to COMPLETED): $app  (messages seconds messages/s)"
  python3 - "$base" "$app" <<'EOF'
import sys
b = float(sys.argv[1].split()[2]); a = float(sys.argv[2].split()[2])
print(f"  ratio baseline/Bản tin: {b / a:.2f}x (Bản tin sends {a / b * 100:.0f}% of the bare loop's rate)")
EOF
done
