#!/usr/bin/env bash
# The baseline: the bundled ffmpeg run directly with the same passes and filters as Bản tin's
# AudioPipeline: measure (silencedetect + ebur128); loudnorm pass 1 (again with a stronger limiter
# while its numbers say a plain gain would overshoot the true-peak target, as the pipeline does);
# loudnorm pass 2 with the measured values, linear, encoded to mono MP3 64 kb/s 44.1 kHz with ID3v2.4
# tags; ebur128 on the encoded file, and the whole normalisation again aiming lower when the encoded
# copy's true peak is above the ceiling (as the pipeline does). The numbers in the filters (trim
# points, gain, limiter, measured values) are computed here from the real passes, so the work is the
# same. Usage: direct.sh FFMPEG INPUT OUTPUT.mp3
set -euo pipefail
ff=$1 in=$2 out=$3
common=(-hide_banner -nostdin -y)
calc() { awk "BEGIN {printf \"%.5f\", $1}"; }
m=$("$ff" "${common[@]}" -i "$in" -map 0:a:0 -vn -af "silencedetect=n=-50dB:d=0.3,ebur128=peak=true:framelog=verbose" -f null - 2>&1)
i=$(grep -A2 "Integrated loudness" <<<"$m" | awk '/I:/ {print $2}' | tail -1)
end=$(grep -o 'time=[0-9:.]*' <<<"$m" | tail -1 | cut -d= -f2 | awk -F: '{printf "%.2f", $1*3600+$2*60+$3}')
printf ';FFMETADATA1\ntitle=Bản tin\nartist=Xã\npublisher=Xã\ndate=2026-11-29\n' >"$out.tags"
headroom=1.0
for round in 1 2 3; do
  tp_target=$(calc "-1.5 - $headroom")
  gain=$(calc "-16 - ($i)")
  limit=$(calc "$tp_target - 1.0")
  for attempt in 1 2 3 4; do
    pre="atrim=start=0:end=$end,asetpts=PTS-STARTPTS,aformat=sample_fmts=fltp:sample_rates=44100:channel_layouts=mono,volume=${gain}dB,alimiter=limit=$(calc "10^($limit/20)"):level=false:attack=5:release=50"
    p1=$("$ff" "${common[@]}" -i "$in" -map 0:a:0 -vn -af "$pre,loudnorm=I=-16.00:TP=$tp_target:LRA=20:print_format=json" -f null - 2>&1)
    val() { grep "\"$1\"" <<<"$p1" | tail -1 | cut -d'"' -f4; }
    excess=$(calc "$(val input_tp) + (-16 - ($(val input_i))) - ($tp_target)")
    if [[ $attempt -lt 4 ]] && awk "BEGIN {exit !($excess > 0)}"; then
      gain=$(calc "$gain + (-16 - ($(val input_i)))")
      limit=$(calc "$limit - ($excess + 0.5)")
      continue
    fi
    break
  done
  "$ff" "${common[@]}" -i "$in" -f ffmetadata -i "$out.tags" -map 0:a:0 -map_metadata 1 -vn -af \
    "$pre,loudnorm=I=-16.00:TP=$tp_target:LRA=20:measured_I=$(val input_i):measured_TP=$(val input_tp):measured_LRA=$(val input_lra):measured_thresh=$(val input_thresh):offset=$(val target_offset):linear=true:print_format=json,aresample=44100" \
    -ac 1 -ar 44100 -c:a libmp3lame -b:a 64k -id3v2_version 4 -f mp3 "$out" 2>/dev/null
  v=$("$ff" "${common[@]}" -i "$out" -af "ebur128=peak=true:framelog=verbose" -f null - 2>&1)
  tp=$(grep -A1 "True peak" <<<"$v" | awk '/Peak:/ {print $2}' | tail -1)
  if awk "BEGIN {exit !($tp > -1.5)}"; then
    headroom=$(calc "$headroom + $tp + 1.5 + 0.5")
    continue
  fi
  break
done
rm -f "$out.tags"
