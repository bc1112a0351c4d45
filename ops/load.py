#!/usr/bin/env python3
"""Steady mixed load for the drills (ops/drill-*.sh) through the balancer.

    python3 ops/load.py --seed DIR --out DIR [--rate 150] [--workers 16] [--duration 60]

Reads the enrolled patients (DIR/clients.lua, written by bench/lib.sh enrol_patients) and the
therapist's token (DIR/therapist.token). Sends, at a fixed overall rate, a mix of
  GET /v1/me/plan (patient), PUT /v1/me/sessions/{uuid} (patient, a fresh client UUID each),
  GET /v1/caseload?limit=100 (therapist)
until --duration has passed or the file OUT/stop exists. Never retries: each request counts once.

Writes OUT/events.jsonl (one line per request: start and end in seconds since the load began,
op, status or error, replica from HAProxy's X-Glide-Replica header, content type, Retry-After,
problem type), OUT/acked.txt (the UUID of every session PUT answered 2xx: acknowledged writes)
and OUT/summary.json (counts). Epoch of the start in OUT/t0.
"""
import argparse
import http.client
import json
import os
import random
import re
import threading
import time
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

ap = argparse.ArgumentParser()
ap.add_argument("--host", default="127.0.0.1")
ap.add_argument("--port", type=int, default=8180)
ap.add_argument("--seed", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--rate", type=float, default=150.0)
ap.add_argument("--workers", type=int, default=16)
ap.add_argument("--duration", type=float, default=60.0)
ap.add_argument("--timeout", type=float, default=15.0)
ap.add_argument("--mix", default="plan=45,session=40,caseload=15")
args = ap.parse_args()

clients = []
for line in open(os.path.join(args.seed, "clients.lua")):
    m = re.search(r'patient="([^"]+)", token="([^"]+)", plan="([^"]+)", rev=(\d+).*items=\{([^}]*)\}', line)
    if m:
        clients.append({"patient": m[1], "token": m[2], "plan": m[3], "rev": int(m[4]),
                        "items": re.findall(r'"([^"]+)"', m[5])})
therapist = open(os.path.join(args.seed, "therapist.token")).read().strip()
assert clients, "no clients in clients.lua"
mix = [(k, int(v)) for k, v in (p.split("=") for p in args.mix.split(","))]
ops_cycle = [k for k, w in mix for _ in range(w)]
zone = ZoneInfo("Europe/Berlin")
os.makedirs(args.out, exist_ok=True)
stop_file = os.path.join(args.out, "stop")

lock = threading.Lock()
events = []
acked = []
slot = [0]
t0 = time.time()
open(os.path.join(args.out, "t0"), "w").write("%.3f\n" % t0)
deadline = t0 + args.duration


def next_slot():
    with lock:
        i = slot[0]
        slot[0] += 1
    return t0 + i / args.rate, i


def session_body(c, i):
    start = datetime.now(zone) - timedelta(hours=1 + i % 20, seconds=random.randint(0, 3000))
    start = start.replace(microsecond=0)
    return json.dumps({
        "planId": c["plan"], "planRevision": c["rev"],
        "startedAt": start.isoformat(), "endedAt": (start + timedelta(minutes=20)).isoformat(),
        "painBefore": 3, "painPeak": 4, "painAfter": 2, "difficulty": 5, "symptomExtent": "THIGH",
        "items": [{"itemId": it, "status": "DONE"} for it in c["items"]], "note": "drill"})


def worker():
    conn = None
    while True:
        when, i = next_slot()
        now = time.time()
        if when >= deadline or os.path.exists(stop_file):
            break
        if when > now:
            time.sleep(when - now)
        op = ops_cycle[i % len(ops_cycle)]
        c = clients[i % len(clients)]
        headers = {"Authorization": "Bearer " + (therapist if op == "caseload" else c["token"])}
        sid = None
        if op == "plan":
            method, path, body = "GET", "/v1/me/plan", None
        elif op == "caseload":
            method, path, body = "GET", "/v1/caseload?limit=100", None
        else:
            sid = str(uuid.uuid4())
            method, path, body = "PUT", "/v1/me/sessions/" + sid, session_body(c, i)
            headers["Content-Type"] = "application/json"
        ev = {"s": round(time.time() - t0, 4), "op": op}
        try:
            if conn is None:
                conn = http.client.HTTPConnection(args.host, args.port, timeout=args.timeout)
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            ev["status"] = r.status
            ev["replica"] = r.getheader("X-Glide-Replica") or "-"
            ev["ctype"] = (r.getheader("Content-Type") or "").split(";")[0]
            if r.getheader("Retry-After"):
                ev["retry_after"] = r.getheader("Retry-After")
            if r.status >= 400 and ev["ctype"] == "application/problem+json":
                try:
                    ev["type"] = json.loads(data).get("type", "").rsplit("/", 1)[-1]
                except ValueError:
                    ev["type"] = "unparseable"
            if (r.getheader("Connection") or "").lower() == "close":
                conn.close()
                conn = None
            if sid and 200 <= r.status < 300:
                ev["sid"] = sid
        except Exception as e:  # counted: the request failed without an answer
            ev["status"] = "error:" + type(e).__name__
            ev["replica"] = "-"
            if conn is not None:
                conn.close()
            conn = None
        ev["e"] = round(time.time() - t0, 4)
        with lock:
            events.append(ev)
            if "sid" in ev:
                acked.append(ev["sid"])


threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()

events.sort(key=lambda e: e["s"])
with open(os.path.join(args.out, "events.jsonl"), "w") as f:
    for e in events:
        f.write(json.dumps(e) + "\n")
with open(os.path.join(args.out, "acked.txt"), "w") as f:
    f.write("".join(s + "\n" for s in acked))
by_status, by_replica = {}, {}
for e in events:
    k = "%s %s" % (e["op"], e["status"])
    by_status[k] = by_status.get(k, 0) + 1
    r = by_replica.setdefault(e["replica"], {})
    r[str(e["status"])] = r.get(str(e["status"]), 0) + 1
elapsed = (events[-1]["e"] if events else 0)
summary = {"requests": len(events), "seconds": round(elapsed, 1),
           "rate": round(len(events) / elapsed, 1) if elapsed else 0,
           "ok": sum(1 for e in events if isinstance(e["status"], int) and 200 <= e["status"] < 400),
           "acked_writes": len(acked), "by_op_status": dict(sorted(by_status.items())),
           "by_replica": by_replica}
json.dump(summary, open(os.path.join(args.out, "summary.json"), "w"), indent=1)
print(json.dumps(summary))
