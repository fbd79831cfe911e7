#!/usr/bin/env python3
"""Uploads audio files to a running Bản tin through POST /api/items/{id}/audio and waits until every
processing is READY (GET /api/audio/{id}, polled every 100 ms). Prints: files seconds files-per-minute.
Usage: ingest.py BASE_URL TOKEN ITEM FILE..."""
import json
import sys
import time
import urllib.request
import uuid

base, token, item, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]


def upload(path):
    boundary = uuid.uuid4().hex
    with open(path, "rb") as f:
        data = f.read()
    name = path.rsplit("/", 1)[-1]
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(f"{base}/api/items/{item}/audio", data=body, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "multipart/form-data; boundary=" + boundary})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["id"]


def status(pid):
    request = urllib.request.Request(f"{base}/api/audio/{pid}", headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


start = time.monotonic()
ids = [upload(f) for f in files]
pending = set(ids)
while pending:
    for pid in list(pending):
        s = status(pid)
        if s["status"] == "failed":
            sys.exit(f"processing {pid} failed: {s['error']}")
        if s["status"] == "ready":
            pending.discard(pid)
    if pending:
        time.sleep(0.1)
elapsed = time.monotonic() - start
print(f"{len(files)} {elapsed:.2f} {len(files) / elapsed * 60:.1f}")
