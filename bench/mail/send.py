"""Part of bench/mail/run.sh: fills a list with N subscribers through Bản tin's API (once per list),
sends an approved item to it, and times the send from the POST until the API says completed.

    python3 bench/mail/send.py BASE_URL USER PASSWORD N ROUND

Prints "messages seconds messages_per_second". Each round uses a list of its own (created through
the API) so that every round sends to N fresh rows.
"""
import base64
import http.client
import json
import sys
import time
import urllib.parse

base, user, password, n, round_ = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
url = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)


def call(method, path, body=None, token=None, basic=None):
    headers = {"Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body)
    if token:
        headers["Authorization"] = "Bearer " + token
    if basic:
        headers["Authorization"] = "Basic " + base64.b64encode(basic.encode()).decode()
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:500]!r}")
    return json.loads(data) if data else None


token = call("POST", "/api/tokens", {"name": "bench", "expiresInDays": 1}, basic=f"{user}:{password}")["token"]
list_key = f"bench-{round_}"
call("POST", "/api/lists", {"key": list_key, "name": f"Danh sách thử tải {round_}",
                            "description": "bench/mail", "public": False}, token=token)
for i in range(n):
    call("POST", f"/api/lists/{list_key}/subscribers",
         {"address": f"nguoi-{round_}-{i}@example.test", "name": f"Người nhận {i}", "village": "Thôn Trung Hải",
          "consent": True}, token=token)

items = call("GET", "/api/items?status=published&size=1", token=token)
item = items["items"][0]["id"]

start = time.monotonic()
send = call("POST", f"/api/lists/{list_key}/sends", {"itemId": item}, token=token)
while True:
    state = call("GET", f"/api/sends/{send['id']}", token=token)
    if state["status"] == "completed":
        break
    time.sleep(0.1)
seconds = time.monotonic() - start
sent = state["counts"]["sent"]
print(f"{sent} {seconds:.2f} {sent / seconds:.0f}")
