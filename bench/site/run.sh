#!/usr/bin/env bash
# The public site served by the application against the same pages exported as static files and
# served by nginx, and export-site against Hugo building the same Markdown files: each pair measured in
# the same run on the same machine, so that the ratios mean something on noisy shared machines.
#
#   bench/site/run.sh          (needs wrk, nginx, hugo, python3, /usr/bin/time:
#                               apt-get install -y wrk nginx hugo time; about 10 minutes)
#   BENCH_DURATION=30 bench/site/run.sh   (seconds of wrk per URL and server; default 10)
#   BENCH_ITEMS=1000 bench/site/run.sh    (Markdown items for part B; default 10000)
#   BENCH_PARTS=serve bench/site/run.sh   (only part A; "build" for only part B; default both)
#
# A. Serving. `bantin.jar export-site` writes the sample content's site into a temporary folder, then
#    the application starts on the same data directory (same database, same pages) and nginx serves
#    the export (sendfile, no compression: wrk asks for none, so the application sends none either).
#    For the home page, an item page and /feeds/rss.xml, wrk -t2 -c16 runs against the application
#    and then nginx, after a warm-up of both: requests/s, p99 latency and the ratios.
# B. Building. bench/site/items.py writes N Markdown items (bench/content/generate.py's files, all made
#    visible). `export-site --languages=vi` exports them (a fresh database: its start loads the files;
#    Vietnamese pages only, as Hugo builds one language); Hugo builds the same files twice with tiny
#    layouts written below (a page per file, paged lists of 20, tags and themes, RSS, sitemap). Wall
#    time, CPU time and peak RSS from /usr/bin/time -v, and the ratios against Hugo's faster build.
# Everything stays local (127.0.0.1, fixed ports unless BENCH_PORT/NGINX_PORT say otherwise, a
# temporary folder) and every process started is stopped.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${BENCH_DURATION:-10}
n=${BENCH_ITEMS:-10000}
parts=${BENCH_PARTS:-serve build}
port=${BENCH_PORT:-18090}
nport=${NGINX_PORT:-18091}
for tool in wrk nginx hugo python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y wrk nginx hugo time" >&2; exit 2; }
done
[[ -f target/bantin.jar ]] || ./mvnw -q -B -DskipTests package
tmp=$(mktemp -d)
chmod 755 "$tmp" # nginx's workers read the export
pid=""
nginx_pid=""
stop() {
  [[ -n "$pid" ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  [[ -n "$nginx_pid" ]] && { kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
  pid=""
  nginx_pid=""
}
trap 'stop; rm -rf "$tmp"' EXIT
jar=(java -jar target/bantin.jar --bantin.account.initial-admin-password=bench-password-1 --logging.level.root=WARN)

echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -h | awk '/Mem:/ {print $2}') RAM, $(java -version 2>&1 | head -1), $(nginx -v 2>&1), $(hugo version | cut -d' ' -f1-2), $(date -u +%Y-%m-%d)"

# wrk's "Requests/sec" and the p99 latency line (in us, ms or s) -> "requests_per_second p99_ms"
measure() {
  wrk -t2 -c16 -d"${duration}s" --latency "$1" 2>/dev/null | awk '
    /Requests\/sec/ { rps = $2 }
    $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
      ms = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }
    END { printf "%.0f %.2f\n", rps, ms }'
}

if [[ " $parts " == *" serve "* ]]; then
  echo "A. exporting the sample content..." >&2
  "${jar[@]}" export-site "$tmp/site" --base-url="http://127.0.0.1:$nport/" --bantin.data-dir="$tmp/a-data" \
    >"$tmp/a-export.out" 2>"$tmp/a-export.err" || { cat "$tmp/a-export.out" "$tmp/a-export.err" >&2; exit 1; }
  chmod -R a+rX "$tmp/site"
  tail -1 "$tmp/a-export.err" >&2
  "${jar[@]}" --server.address=127.0.0.1 --server.port="$port" --bantin.data-dir="$tmp/a-data" >"$tmp/a-app.log" 2>&1 &
  pid=$!
  cat >"$tmp/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $tmp/nginx-body;
  proxy_temp_path $tmp/nginx-proxy;
  fastcgi_temp_path $tmp/nginx-fastcgi;
  uwsgi_temp_path $tmp/nginx-uwsgi;
  scgi_temp_path $tmp/nginx-scgi;
  server {
    listen 127.0.0.1:$nport;
    root $tmp/site;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
CONF
  nginx -c "$tmp/nginx.conf" -e "$tmp/nginx-error.log" &
  nginx_pid=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/a-app.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$nport/" >/dev/null || { cat "$tmp/nginx-error.log" >&2; exit 1; }
  # an item the sitemap lists: the first /items/ address
  item=$(grep -o "<loc>[^<]*/items/[^<]*</loc>" "$tmp/site/sitemap.xml" | head -1 | sed -E 's#<loc>https?://[^/]+/##; s#</loc>##')
  # the same bytes? the export rewrites links (relative) and canonical addresses: sizes are shown
  declare -A app_url=([home]=/ [item]="/$item" [rss]=/feeds/rss.xml)
  declare -A static_url=([home]=/ [item]="/$item/" [rss]=/feeds/rss.xml)
  for key in home item rss; do # warm up both (the JIT, nginx's open files)
    wrk -t2 -c8 -d3s "http://127.0.0.1:$port${app_url[$key]}" >/dev/null 2>&1
    wrk -t2 -c8 -d3s "http://127.0.0.1:$nport${static_url[$key]}" >/dev/null 2>&1
  done
  echo
  echo "| URL ($duration s of wrk -t2 -c16 each) | bytes app / static | app req/s | nginx req/s | req/s ratio nginx/app | app p99 ms | nginx p99 ms | p99 ratio app/nginx |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for key in home item rss; do
    a_bytes=$(curl -s "http://127.0.0.1:$port${app_url[$key]}" | wc -c)
    s_bytes=$(curl -s "http://127.0.0.1:$nport${static_url[$key]}" | wc -c)
    read -r a_rps a_p99 <<<"$(measure "http://127.0.0.1:$port${app_url[$key]}")"
    read -r s_rps s_p99 <<<"$(measure "http://127.0.0.1:$nport${static_url[$key]}")"
    awk -v u="${app_url[$key]}" -v ab="$a_bytes" -v sb="$s_bytes" -v ar="$a_rps" -v sr="$s_rps" -v ap="$a_p99" -v sp="$s_p99" 'BEGIN {
      if (length(u) > 40) u = substr(u, 1, 37) "..."
      printf "| `%s` | %d / %d | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f |\n", u, ab, sb, ar, sr, sr / ar, ap, sp, ap / sp }'
  done
  stop
fi

timed() { # label, highest exit status accepted, command... -> a line "label wall_s cpu_s rss_mib"
  local label=$1 accepted=$2 status=0
  shift 2
  /usr/bin/time -v -o "$tmp/time" "$@" >"$tmp/out" 2>&1 || status=$?
  if ((status > accepted)); then
    cat "$tmp/out" >&2
    echo "$label failed" >&2
    exit 1
  fi
  awk -F': ' -v l="$label" '
    /Elapsed \(wall clock\)/ { k = split($2, p, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + p[i]; wall = s }
    /(User|System) time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%s %.1f %.1f %.0f\n", l, wall, cpu, rss }' "$tmp/time"
}

if [[ " $parts " == *" build "* ]]; then
  echo "B. writing $n Markdown items..." >&2
  python3 bench/site/items.py "$n" "$tmp/gen"
  # Hugo: the same files as its content, tiny layouts, the same page size and feeds
  mkdir -p "$tmp/hugo/layouts/_default"
  ln -s "$tmp/gen" "$tmp/hugo/content"
  cat >"$tmp/hugo/config.toml" <<'CONF'
baseURL = "http://127.0.0.1/"
languageCode = "vi"
title = "Bản tin"
paginate = 20
[taxonomies]
  tag = "tags"
  theme = "themes"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
  term = ["HTML", "RSS"]
CONF
  cat >"$tmp/hugo/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}"></head>
<body><nav><a href="{{ "/" | relURL }}">Trang chủ</a></nav><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
  cat >"$tmp/hugo/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}
<ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul></article>{{ end }}
HTML
  cat >"$tmp/hugo/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>
{{ with .Paginator.Prev }}<a rel="prev" href="{{ .URL }}">Trang trước</a>{{ end }}{{ with .Paginator.Next }}<a rel="next" href="{{ .URL }}">Trang sau</a>{{ end }}{{ end }}
HTML
  cp "$tmp/hugo/layouts/_default/list.html" "$tmp/hugo/layouts/index.html"
  schedules=$(pwd)/schedules
  # /usr/bin/time runs programs, not shell functions: two tiny scripts
  printf '#!/bin/sh\nexec %s export-site "%s" --base-url=http://127.0.0.1/ --bantin.data-dir="%s" --bantin.content-dir="%s" --bantin.schedules-dir="%s" --languages=vi\n' \
    "${jar[*]}" "$tmp/export" "$tmp/b-data" "$tmp/gen" "$schedules" >"$tmp/export_site"
  printf '#!/bin/sh\nexec hugo --quiet -s "%s" -d "%s" --cleanDestinationDir\n' "$tmp/hugo" "$tmp/hugo-out" >"$tmp/hugo_build"
  chmod +x "$tmp/export_site" "$tmp/hugo_build"
  echo "B. export-site (fresh database), hugo twice..." >&2
  # export-site exits 1 when links are broken (listed in its output): measured all the same
  results=$(
    timed "export1" 1 "$tmp/export_site"
    grep -E "page\(s\)" "$tmp/out" | tail -1 >"$tmp/export1.summary"
    grep -E "^([0-9]{3}|no answer) " "$tmp/out" | cut -c1-160 >"$tmp/export1.broken" || true
    timed "hugo1" 0 "$tmp/hugo_build"
    timed "hugo2" 0 "$tmp/hugo_build"
  )
  export_files=$(find "$tmp/export" -type f | wc -l)
  export_pages=$(find "$tmp/export" -name '*.html' | wc -l)
  hugo_files=$(find "$tmp/hugo-out" -type f | wc -l)
  hugo_pages=$(find "$tmp/hugo-out" -name '*.html' | wc -l)
  echo
  echo "export-site: $(sed 's#^[^:]*: ##' "$tmp/export1.summary")"
  [[ -s "$tmp/export1.broken" ]] && { echo "broken links (first 160 characters):"; cat "$tmp/export1.broken"; }
  echo "hugo: $hugo_pages HTML page(s), $hugo_files file(s)"
  echo
  echo "| $n Markdown items | wall s | CPU s | peak RSS MiB | HTML pages | files | wall ratio export/Hugo | CPU ratio export/Hugo |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  read -r _ w1 c1 r1 <<<"$(grep '^export1' <<<"$results")"
  read -r _ h1 hc1 hr1 <<<"$(grep '^hugo1' <<<"$results")"
  read -r _ h2 hc2 hr2 <<<"$(grep '^hugo2' <<<"$results")"
  # the baseline: the faster of Hugo's two builds (the first may read the files from disk)
  hb=$(awk -v a="$h1" -v b="$h2" 'BEGIN { print (a < b) ? a : b }')
  hc=$(awk -v a="$hc1" -v b="$hc2" 'BEGIN { print (a < b) ? a : b }')
  awk -v w="$w1" -v c="$c1" -v r="$r1" -v h="$hb" -v hc="$hc" -v p="$export_pages" -v f="$export_files" 'BEGIN {
    printf "| `export-site --languages=vi`, fresh database (its start loads the files) | %.1f | %.1f | %d | %d | %d | %.0f | %.0f |\n", w, c, r, p, f, w / (h > 0 ? h : 0.1), c / (hc > 0 ? hc : 0.1) }'
  awk -v w="$h1" -v c="$hc1" -v r="$hr1" -v p="$hugo_pages" -v f="$hugo_files" 'BEGIN { printf "| Hugo, first build | %.1f | %.1f | %d | %d | %d | | |\n", w, c, r, p, f }'
  awk -v w="$h2" -v c="$hc2" -v r="$hr2" -v p="$hugo_pages" -v f="$hugo_files" 'BEGIN { printf "| Hugo, second build | %.1f | %.1f | %d | %d | %d | | |\n", w, c, r, p, f }'
fi
