#!/usr/bin/env bash
# Makes the fixtures of DatabaseFromThePreviousReleaseTests: the databases that the application
# at COMMIT writes on its first start with the sample content (H2 file and PostgreSQL), with its
# Quartz triggers, the publications it made, and one token of each kind (API, calendar feed,
# radio playlist) created through its HTTP interface; fixture.properties gets the tokens' secrets
# (test data, not secrets of anyone).
#
#   src/test/resources/upgrade/make-fixture.sh [COMMIT]        # default: HEAD
#   BANTIN_JAR=target/bantin.jar src/test/resources/upgrade/make-fixture.sh 32e568d
#
# BANTIN_JAR: a jar already built from COMMIT (skips the build). Needs git, curl, zip, java 17 and
# the Maven repository of an offline build (./mvnw -o). Takes a few minutes; writes h2.zip,
# postgres.zip and fixture.properties beside this script.
#
# PostgreSQL: there is no pg_dump for the server version the tests use (Debian's pg_dump 15 refuses
# the zonky server 17, which ships none), so PostgresFixture.java dumps every table with COPY (CSV)
# and the sequences' values; postgres.zip also holds COMMIT's migration files, from which the test
# rebuilds the schema (the same SQL on the same server) before loading the rows.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel)
COMMIT=$(git -C "$REPO" rev-parse --short "${1:-HEAD}")
PASSWORD=upgrade-fixture-admin-2026
WORK=$(mktemp -d /tmp/bantin-fixture.XXXXXX)
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	rm -rf "$WORK"
}
trap cleanup EXIT

echo "Fixture from $COMMIT in $WORK"
SRC=$WORK/src
mkdir -p "$SRC"
git -C "$REPO" archive "$COMMIT" | tar -x -C "$SRC"
JAR=${BANTIN_JAR:-}
if [ -z "$JAR" ]; then
	(cd "$SRC" && ./mvnw -q -o package -DskipTests)
	JAR=$SRC/target/bantin.jar
fi
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
(cd "$SRC" && ./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt")

# Starts the jar on a data folder with the sample content of COMMIT and waits until it is healthy.
start_app() { # name port arguments...
	local name=$1 port=$2
	shift 2
	PORT=$port
	(cd "$SRC" && exec java -Xmx512m -jar "$JAR" --server.port="$port" \
		--bantin.account.initial-admin-password=$PASSWORD \
		--bantin.subscription.sample-file=sample/subscribers.csv "$@") >"$WORK/$name.log" 2>&1 &
	APP=$!
	PIDS+=("$APP")
	for _ in $(seq 600); do
		if curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health"; then
			return
		fi
		if ! kill -0 "$APP" 2>/dev/null; then
			cat "$WORK/$name.log"
			exit 1
		fi
		sleep 1
	done
	echo "$name did not start" >&2
	exit 1
}

# Creates one token of each kind through HTTP and writes them as NAME.*-token to the properties.
make_tokens() { # name port
	local name=$1 base=http://127.0.0.1:$2 cookies=$WORK/$1.cookies
	local api calendar radio csrf
	api=$(curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' \
		-d '{"name":"Upgrade fixture","expiresInDays":365}' "$base/api/tokens" |
		sed 's/.*"token":"\([^"]*\)".*/\1/')
	csrf() {
		curl -sf -c "$cookies" -b "$cookies" "$base$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 |
			sed 's/.*value="//;s/"$//'
	}
	curl -sf -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode username=admin \
		--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$(csrf /login)" "$base/login"
	curl -sf -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode channel=RADIO \
		--data-urlencode "label=Upgrade fixture calendar" \
		--data-urlencode "_csrf=$(csrf /admin/agenda/calendars)" "$base/admin/agenda/calendars"
	calendar=$(curl -sf -c "$cookies" -b "$cookies" "$base/admin/agenda/calendars" |
		grep -o '/calendar/[^/"<]*\.ics' | head -1 | sed 's#/calendar/##;s#\.ics$##')
	curl -sf -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode "label=Upgrade fixture speakers" \
		--data-urlencode "_csrf=$(csrf /admin/radio/playlists/tokens)" "$base/admin/radio/playlists/tokens"
	radio=$(curl -sf -c "$cookies" -b "$cookies" "$base/admin/radio/playlists/tokens" |
		grep -o '/radio/[^/"<]*/current\.m3u8' | head -1 | sed 's#/radio/##;s#/current\.m3u8$##')
	if [ -z "$api" ] || [ -z "$calendar" ] || [ -z "$radio" ]; then
		echo "$name: a token is missing (api=$api calendar=$calendar radio=$radio)" >&2
		exit 1
	fi
	printf '%s.api-token=%s\n%s.calendar-token=%s\n%s.radio-token=%s\n' \
		"$name" "$api" "$name" "$calendar" "$name" "$radio" >>"$WORK/fixture.properties"
	TOKEN=$api
}

# Waits until the number of publications has stayed the same for 15 s (the first start publishes
# what is due and mails the lists).
await_publications() { # port
	local last=-1 same=0 total
	for _ in $(seq 300); do
		total=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$1/api/publications?size=1" |
			sed 's/.*"totalElements":\([0-9]*\).*/\1/')
		if [ "$total" = "$last" ] && [ "$total" -gt 0 ]; then
			same=$((same + 1))
			[ "$same" -ge 15 ] && return
		else
			same=0
			last=$total
		fi
		sleep 1
	done
}

stop_app() {
	kill -TERM "$APP"
	wait "$APP" || true
}

{
	echo "# Written by make-fixture.sh: the application at this commit made h2.zip and postgres.zip."
	echo "commit=$COMMIT"
	echo "admin-password=$PASSWORD"
} >"$WORK/fixture.properties"

# H2 file database
start_app h2 $((20000 + RANDOM % 10000)) --bantin.data-dir="$WORK/h2-data"
make_tokens h2 "$PORT"
await_publications "$PORT"
stop_app
mkdir -p "$WORK/h2lib"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/h2lib"
java -cp "$(ls "$WORK"/h2lib/h2-*.jar)" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/h2-data/db/bantin" \
	-user bantin -password "" -sql "SHUTDOWN COMPACT" >/dev/null
rm -f "$HERE/h2.zip"
(cd "$WORK/h2-data/db" && zip -q -9 "$HERE/h2.zip" bantin.mv.db)

# PostgreSQL (the embedded server of the tests)
mkfifo "$WORK/pg.ctl"
java -cp "$(cat "$WORK/cp.txt")" "$HERE/PostgresFixture.java" "$WORK/postgres" <"$WORK/pg.ctl" >"$WORK/pg.out" 2>&1 &
PG=$!
PIDS+=("$PG")
exec 3>"$WORK/pg.ctl"
for _ in $(seq 120); do
	grep -q '^jdbc=' "$WORK/pg.out" && break
	sleep 1
done
URL=$(sed -n 's/^jdbc=//p' "$WORK/pg.out")
[ -n "$URL" ] || { cat "$WORK/pg.out"; exit 1; }
start_app postgres $((20000 + RANDOM % 10000)) --bantin.data-dir="$WORK/pg-data" \
	--spring.profiles.active=postgres --spring.datasource.url="$URL" \
	--spring.datasource.username=postgres --spring.datasource.password=
make_tokens postgres "$PORT"
await_publications "$PORT"
stop_app
echo dump >&3
exec 3>&-
wait "$PG"
grep -q '^dumped' "$WORK/pg.out" || { cat "$WORK/pg.out"; exit 1; }
mkdir -p "$WORK/postgres/migrations"
git -C "$REPO" archive "$COMMIT" src/main/resources/db/migration |
	tar -x --strip-components=5 -C "$WORK/postgres/migrations"
rm -f "$HERE/postgres.zip"
(cd "$WORK/postgres" && zip -q -9 -r "$HERE/postgres.zip" data sequences.csv migrations)

cp "$WORK/fixture.properties" "$HERE/fixture.properties"
ls -l "$HERE/h2.zip" "$HERE/postgres.zip" "$HERE/fixture.properties"
