#!/usr/bin/env python3
"""Writes a communes folder (bantin.communes-dir) for bench/province/run.sh: N communes, each with
M items and 6 radio slots, in the format of docs/province.md.

    python3 bench/province/generate.py N M DIR                       (the whole folder)
    python3 bench/province/generate.py --fire-at=ISO-INSTANT N M DIR (only each commune's radio.yaml)

Each commune `xa-NNN/` has a commune.yaml (its own name and host `xa-NNN.localhost`; every tenth
commune is in zone Asia/Tokyo, two hours ahead of the others' Asia/Ho_Chi_Minh), content/ and
schedules/. The content is bench/content/generate.py's files (one plan with 5 themes, M items, seeded,
so the same slugs in every commune), made all visible as bench/site/items.py does: approved, published
in the past, never expiring, on every channel. The schedules: on-publish web and feed slots and 6 radio
slots a day with one campaign carrying the 3 newest items to each. Five slots are at fixed times; the
"busy" slot `ban-tin-cao-diem` is at 06:00, or with --fire-at at the wall-clock time that instant has
in the commune's own zone (to the minute), so that every commune's busy bulletin is due at the same
instant: the province's 06:00 bulletins all at once. Standard library only.
"""
import os
import runpy
import shutil
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))


def zone(i):
    return "Asia/Tokyo" if i % 10 == 0 else "Asia/Ho_Chi_Minh"


def key(i):
    return f"xa-{i:03d}"


def commune_yaml(i):
    k = key(i)
    return f"""# Benchmark commune (invented)
name: UBND xã Thử Nghiệm {i}
short-name: Thử Nghiệm {i}
level: xã
parent-units:
  - tỉnh Thanh Hóa
address: Thôn 1, xã Thử Nghiệm {i}, tỉnh Thanh Hóa
phone: "0237 3800 {i:03d}"
email: ubnd.{k}@example.vn
website-url: http://{k}.localhost/
hosts:
  - {k}.localhost
zone: {zone(i)}
signer-title: Chủ tịch
signer-name: Nguyễn Văn An
locale: vi
"""


SLOTS = [("ban-tin-sang", "05:30"), ("ban-tin-trua", "11:00"), ("ban-tin-chieu", "16:30"),
         ("ban-tin-toi", "18:30"), ("ban-tin-dem", "21:00")]


def radio_yaml(i, fire_at):
    busy = "06:00" if fire_at is None else fire_at.astimezone(ZoneInfo(zone(i))).strftime("%H:%M")
    lines = ["# 6 radio bulletins a day; ban-tin-cao-diem is the busy one (the same instant in every commune)",
             "slots:"]
    for slot, time in SLOTS + [("ban-tin-cao-diem", busy)]:
        lines += [f"  - key: {slot}", f"    name: Bản tin {slot[8:]}", "    channel: radio",
                  f"    times: \"{time}\"", "    length: 30m"]
    return "\n".join(lines) + "\n"


CAMPAIGNS = """campaigns:
  - key: tin-moi
    name: Tin mới
    slots: [ban-tin-sang, ban-tin-trua, ban-tin-chieu, ban-tin-toi, ban-tin-dem, ban-tin-cao-diem]
    order: newest
    per-slot: 3
"""

WEB = """slots:
  - key: trang-web
    name: Trang thông tin điện tử xã
    channel: web
    kind: on-publish
  - key: ban-tin-rss
    name: Bản tin RSS
    channel: feed
    kind: on-publish
"""


def content(m, out):
    """bench/content/generate.py's M files, all visible (bench/site/items.py's visible())."""
    runpy.run_path(os.path.join(HERE, "..", "site", "items.py"))["visible"](m, out)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    args = sys.argv[1:]
    fire_at = None
    if args and args[0].startswith("--fire-at="):
        fire_at = datetime.fromisoformat(args.pop(0).split("=", 1)[1].replace("Z", "+00:00"))
    n, m, out = int(args[0]), int(args[1]), args[2]
    if fire_at is None:
        template = os.path.join(out, ".content")
        content(m, template)
    for i in range(1, n + 1):
        base = os.path.join(out, key(i))
        schedules = os.path.join(base, "schedules")
        if fire_at is None:
            os.makedirs(schedules, exist_ok=True)
            write(os.path.join(base, "commune.yaml"), commune_yaml(i))
            shutil.copytree(template, os.path.join(base, "content"))
            write(os.path.join(schedules, "campaigns.yaml"), CAMPAIGNS)
            write(os.path.join(schedules, "web-and-feeds.yaml"), WEB)
        write(os.path.join(schedules, "radio.yaml"), radio_yaml(i, fire_at))
    if fire_at is None:
        shutil.rmtree(template)


if __name__ == "__main__":
    main()
