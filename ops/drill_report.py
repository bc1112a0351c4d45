#!/usr/bin/env python3
"""Figures and verdict of one drill (ops/drill-*.sh) from the load generator's events.

    python3 ops/drill_report.py DRILL OUT_DIR LOST_WRITES

DRILL is kill, failover or rolling. Reads OUT_DIR/events.jsonl, OUT_DIR/marks ("name seconds"
lines written by the drill), OUT_DIR/readiness (failover). Prints the figures; exits 1 when the
drill's promise is broken (and always when LOST_WRITES is not 0).
"""
import json
import os
import sys

drill, out, lost = sys.argv[1], sys.argv[2], int(sys.argv[3])
events = [json.loads(l) for l in open(os.path.join(out, "events.jsonl"))]
marks = {}
if os.path.exists(os.path.join(out, "marks")):
    for line in open(os.path.join(out, "marks")):
        k, v = line.split()
        marks[k] = float(v)


def ok(e):
    return isinstance(e["status"], int) and 200 <= e["status"] < 400


failed = [e for e in events if not ok(e)]
by_status = {}
for e in failed:
    k = str(e["status"])
    by_status[k] = by_status.get(k, 0) + 1
acked = sum(1 for e in events if "sid" in e)
problems = []
dur = events[-1]["e"] - events[0]["s"] if events else 0
print("requests sent:        %d in %.1f s (%.0f/s); by operation: %s" % (
    len(events), dur, len(events) / dur if dur else 0,
    {op: sum(1 for e in events if e["op"] == op) for op in ("plan", "session", "caseload")}))
print("answered 2xx/304:     %d" % (len(events) - len(failed)))
print("failed (non-2xx/304): %d %s" % (len(failed), json.dumps(by_status, sort_keys=True)))
per_replica = {}
for e in events:
    per_replica.setdefault(e["replica"], {}).setdefault(str(e["status"]), 0)
    per_replica[e["replica"]][str(e["status"])] += 1
print("by replica:           %s" % json.dumps(per_replica, sort_keys=True))
print("acknowledged writes:  %d (session PUTs answered 2xx, each checked by its UUID)" % acked)
print("lost writes:          %d" % lost)
if lost:
    problems.append("%d acknowledged writes are not in the database" % lost)
if any(e["status"] == 500 for e in events):
    problems.append("%d answers were 500" % sum(1 for e in events if e["status"] == 500))
print("marks (s after start): %s" % json.dumps(marks))

if drill == "kill":
    k = marks["kill_r1"]
    inflight = [e for e in events if e["s"] <= k < e["e"]]
    print("in flight at SIGKILL: %d (all replicas; an upper bound for r1's)" % len(inflight))
    not_inflight = [e for e in failed if not (e["s"] <= k + 0.05 and e["e"] >= k)]
    print("failures not in flight at the kill: %d" % len(not_inflight))
    survivors_5xx = [e for e in events if isinstance(e["status"], int) and e["status"] >= 500 and e["replica"] not in ("r1", "-")]
    print("5xx from survivors:   %d" % len(survivors_5xx))
    if len(failed) > len(inflight) or not_inflight:
        problems.append("failures beyond the requests in flight on the killed replica: %s" % not_inflight[:5])
    if survivors_5xx:
        problems.append("5xx from survivors: %s" % survivors_5xx[:5])
    if "r1_ready" in marks:
        print("time to recover:      r1 ready again %.1f s after SIGKILL (restart included); r2 graceful restart %.1f s (SIGTERM to UP in HAProxy)" % (
            marks["r1_ready"] - k, marks.get("r2_up", float("nan")) - marks.get("r2_term", float("nan"))))
elif drill == "failover":
    stop, repointed = marks["db_stop"], marks["bouncer_repointed"]
    # "Every session that got a 2xx before or after": there must be some on both sides, or the
    # lost-writes check proves nothing about the failover.
    acked_before = sum(1 for e in events if "sid" in e and e["e"] < stop)
    acked_after = sum(1 for e in events if "sid" in e and e["s"] > repointed)
    print("acknowledged writes:  %d before the primary stopped, %d sent after PgBouncer was repointed" % (acked_before, acked_after))
    if acked_before == 0 or acked_after == 0:
        problems.append("no acknowledged write before the stop (%d) or after the repoint (%d)" % (acked_before, acked_after))
    during = [e for e in failed if e["e"] >= stop]
    bad503 = [e for e in failed if e["status"] == 503 and not (e.get("ctype") == "application/problem+json" and "retry_after" in e)]
    other = [e for e in failed if e["status"] != 503]
    types = {}
    for e in failed:
        if e["status"] == 503:
            types[e.get("type", "?")] = types.get(e.get("type", "?"), 0) + 1
    print("503 problem+json with Retry-After: %d of %d failures; types %s" % (
        sum(1 for e in failed if e["status"] == 503) - len(bad503), len(failed), json.dumps(types, sort_keys=True)))
    if bad503:
        problems.append("%d 503s without problem+json and Retry-After: %s" % (len(bad503), bad503[:3]))
    if other:
        problems.append("%d failures that were not 503: %s" % (len(other), other[:5]))
    before = [e for e in failed if e["e"] < stop]
    if before:
        problems.append("%d failures before the database stopped" % len(before))
    if failed:
        last_fail = max(e["e"] for e in failed)
        first_ok_after = min((e["e"] for e in events if ok(e) and e["s"] >= repointed), default=float("nan"))
        print("time to recover:      last failed answer %.1f s after the primary stopped; PgBouncer repointed at +%.1f s, "
              "first 2xx %.1f s after that" % (last_fail - stop, repointed - stop, first_ok_after - repointed))
        tail = [e for e in failed if e["s"] > repointed + 15]
        if tail:
            problems.append("%d failures more than 15 s after PgBouncer was repointed" % len(tail))
    else:
        print("time to recover:      no request failed")
    rows = [l.split() for l in open(os.path.join(out, "readiness"))]
    for i, name in enumerate(("r1", "r2", "r3")):
        # DOWN is an answered 503 (not a curl timeout, which a replica that merely stalled gives).
        down = next((float(r[0]) for r in rows if float(r[0]) >= stop and r[1 + i] == "503"), None)
        up = next((float(r[0]) for r in rows if down is not None and float(r[0]) > down and r[1 + i] == "200"), None)
        if down is None or up is None:
            problems.append("readiness of %s: down at %s, up at %s" % (name, down, up))
            print("readiness %s:         down %s, up again %s" % (name, down, up))
        else:
            print("readiness %s:         DOWN %.1f s after the primary stopped, UP again %.1f s after PgBouncer was repointed" % (
                name, down - stop, up - repointed))
elif drill == "rolling":
    for n in (1, 2, 3):
        if all("r%d_%s" % (n, k) in marks for k in ("term", "exit", "ready", "up")):
            print("r%d: SIGTERM to exit %.1f s, to ready %.1f s, to UP in HAProxy %.1f s" % (
                n, marks["r%d_exit" % n] - marks["r%d_term" % n], marks["r%d_ready" % n] - marks["r%d_term" % n],
                marks["r%d_up" % n] - marks["r%d_term" % n]))
    if failed:
        problems.append("%d failed requests during the rolling restart: %s" % (len(failed), failed[:5]))

if problems:
    print("DRILL FAILED:")
    for p in problems:
        print("  - " + p)
    sys.exit(1)
print("DRILL PASSED")
