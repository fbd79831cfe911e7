#!/usr/bin/env bash
# Radio audio ingest: Bản tin's pipeline against the same bundled ffmpeg run directly, in the same run
# on the same machine.
#
#   bench/audio/run.sh              (needs java, python3, curl; espeak-ng for speech, else tones and
#                                    noise; hyperfine if installed, else repeated /usr/bin/time -v;
#                                    about 10 minutes on 2 CPUs)
#   BENCH_RUNS=5 bench/audio/run.sh         (runs of the 10-minute case each; default 3)
#   BENCH_CLIPS=40 bench/audio/run.sh       (files in the throughput case; default 100, 30 s each)
#
# 1. A 10-minute speech recording (espeak-ng reading a long Vietnamese text, 22.05 kHz mono WAV) is
#    ingested by the running application through its API: `POST /api/items/{id}/audio`, then
#    `GET /api/audio/{id}` polled every 100 ms until READY (bench/audio/ingest.py). That covers the
#    upload, the probe, the four ffmpeg passes (measure; loudnorm pass 1; pass 2 + MP3 encoding;
#    measuring the encoded file), moving files into place and the database rows. The baseline
#    (bench/audio/direct.sh) runs the same bundled ffmpeg binary directly with the same four passes
#    and filters. Both are timed by hyperfine (or /usr/bin/time), each run a fresh upload.
# 2. Throughput: 100 clips of 30 s (MP3 128 kb/s, cut from the long recording) uploaded at once and
#    processed by the application's workers (bantin.radio.workers, default 2) until all are READY,
#    against the direct ffmpeg commands run 2 at a time (xargs -P 2).
# The application runs from target/bantin.jar (built if missing) on a fresh H2 data directory with
# the repository's content folder; every process started is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${BENCH_RUNS:-3}
clips=${BENCH_CLIPS:-100}
port=${BENCH_PORT:-18097}
for tool in python3 curl java; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
[[ -f target/bantin.jar ]] || ./mvnw -q -B -o -DskipTests package
tmp=$(mktemp -d)
pid=""
stop() { [[ -n "$pid" ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }; pid=""; }
trap 'stop; rm -rf "$tmp"' EXIT

# the bundled ffmpeg, from the jar (jave2 copies it to the temporary folder on first use)
ff=$(ls /tmp/jave/ffmpeg-amd64-* 2>/dev/null | head -1 || true)
if [[ -z "$ff" ]]; then
  mkdir -p "$tmp/jave" && (cd "$tmp/jave" && unzip -q -o "$OLDPWD/target/bantin.jar" 'BOOT-INF/lib/jave-nativebin-linux64-*.jar' \
    && unzip -q -o BOOT-INF/lib/jave-nativebin-linux64-*.jar 'ws/schild/jave/nativebin/ffmpeg-amd64*' \
    && xz -d ws/schild/jave/nativebin/ffmpeg-amd64*.xz 2>/dev/null || true)
  ff=$(ls "$tmp"/jave/ws/schild/jave/nativebin/ffmpeg-amd64* | head -1); chmod +x "$ff"
fi
echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -h | awk '/Mem:/ {print $2}') RAM, $(java -version 2>&1 | head -1), $("$ff" -version | head -1 | cut -d' ' -f1-3), $(date -u +%Y-%m-%d)"

# the recordings
text="$tmp/text.txt"
python3 - "$text" <<'PY'
import sys
p = ("Kính thưa bà con nhân dân trong xã. Thực hiện kế hoạch của Ủy ban nhân dân huyện về cải cách hành "
     "chính năm hai nghìn không trăm hai mươi sáu, Ủy ban nhân dân xã thông báo: từ ngày mùng một tháng "
     "mười hai, bà con có thể nộp hồ sơ đăng ký khai sinh, khai tử, kết hôn trực tuyến trên Cổng dịch vụ "
     "công quốc gia. Cán bộ một cửa của xã sẽ hướng dẫn bà con tạo tài khoản định danh điện tử mức độ hai. "
     "Đề nghị các thôn trưởng phổ biến thông báo này đến từng hộ gia đình. Xin trân trọng cảm ơn. ")
open(sys.argv[1], "w", encoding="utf-8").write(p * 40)
PY
if command -v espeak-ng >/dev/null; then
  espeak-ng -v vi -s 150 -w "$tmp/raw.wav" -f "$text"
  "$ff" -hide_banner -nostdin -y -stream_loop -1 -i "$tmp/raw.wav" -t 600 -ac 1 -ar 22050 "$tmp/long.wav" 2>/dev/null
  echo "recording: 10 min of espeak-ng speech (vi), 22.05 kHz mono WAV"
else
  "$ff" -hide_banner -nostdin -y -f lavfi -i "sine=f=220:d=600" -f lavfi -i "anoisesrc=d=600:c=pink:a=0.05" \
    -filter_complex "[0][1]amix=inputs=2,volume='if(lt(mod(t,1.3),0.9),1,0)':eval=frame" -ac 1 -ar 22050 "$tmp/long.wav" 2>/dev/null
  echo "recording: 10 min of tones and noise (no espeak-ng), 22.05 kHz mono WAV"
fi
mkdir -p "$tmp/clips"
for n in $(seq 1 "$clips"); do
  "$ff" -hide_banner -nostdin -y -ss $(( (n * 5) % 570 )) -t 30 -i "$tmp/long.wav" -c:a libmp3lame -b:a 128k "$tmp/clips/clip-$n.mp3" 2>/dev/null
done

password=bench-password-1
echo "starting Bản tin..." >&2
# the application runs the same binary as the direct commands (by default it would prefer a system ffmpeg)
java -Xmx1g -jar target/bantin.jar --server.port="$port" --bantin.data-dir="$tmp/data" --bantin.audio.ffmpeg="$ff" \
  --bantin.account.initial-admin-password="$password" --logging.level.root=WARN >"$tmp/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null || { cat "$tmp/app.log" >&2; exit 1; }
token=$(curl -fs -u "admin:$password" -H 'Content-Type: application/json' \
  -d '{"name":"bench","expiresInDays":1}' "http://127.0.0.1:$port/api/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
item=chuyen-muc-cchc-tren-dai-truyen-thanh
# let the content folder's own recording be taken in first, so it does not share the timed runs
sleep 5
python3 bench/audio/ingest.py "http://127.0.0.1:$port" "$token" "$item" "$tmp/clips/clip-1.mp3" >/dev/null

echo
echo "== 1. one 10-minute recording: Bản tin (API upload to READY) vs the same ffmpeg passes run directly"
app="python3 bench/audio/ingest.py http://127.0.0.1:$port $token $item $tmp/long.wav"
direct="bash bench/audio/direct.sh $ff $tmp/long.wav $tmp/direct.mp3"
if command -v hyperfine >/dev/null; then
  hyperfine --runs "$runs" --warmup 0 --export-markdown "$tmp/single.md" -n "Bản tin" "$app" -n "ffmpeg directly" "$direct" >&2
  cat "$tmp/single.md"
else
  for name in app direct; do
    for r in $(seq 1 "$runs"); do
      /usr/bin/time -f "$name run $r: %e s wall, %U s user, %S s system" bash -c "${!name}" >/dev/null
    done
  done
fi

echo
echo "== 2. throughput: $clips clips of 30 s"
start=$(date +%s.%N)
mkdir -p "$tmp/direct"
ls "$tmp"/clips/*.mp3 | xargs -P 2 -I{} sh -c 'bash bench/audio/direct.sh "$0" "$1" "$2/$(basename "$1")"' "$ff" {} "$tmp/direct"
end=$(date +%s.%N)
python3 -c "d=$end-$start; print(f'ffmpeg directly (2 at a time): $clips files in {d:.1f} s, {$clips/d*60:.1f} files/min')"
app_line=$(python3 bench/audio/ingest.py "http://127.0.0.1:$port" "$token" "$item" "$tmp"/clips/*.mp3)
read -r files secs rate <<<"$app_line"
echo "Bản tin (API, 2 workers): $files files in $secs s, $rate files/min"
python3 -c "print(f'ratio Bản tin / direct: {$secs/($end-$start):.2f}x the time')"
