#!/usr/bin/env python3
"""Turns the PostgreSQL log of single, marked requests into pgbench scripts.

run.sh sets log_min_duration_statement = 0 on the benchmark database, sends
``select 'glide-bench-mark', '<name>'`` through psql, makes exactly one request of the
endpoint, and repeats for the next endpoint. This reads the log from a byte offset, takes
every statement the application executed on that database between one marker and the
next (extended protocol "execute" entries with their bound parameters, and simple
"statement" entries), and writes:

  <out>/<name>.log           the raw statements with their parameters, as captured
  <out>/<name>.template.sql  one statement per line, bound parameters inlined as literals,
                             known values replaced by :variables (see --var)

Usage: capture_sql.py LOGFILE OFFSET DBNAME OUTDIR [--var name=value ...]
A value given with --var is replaced wherever it occurs in the SQL (also inside JSON
literals); --expr name=value=EXPR replaces the quoted literal 'value' with EXPR (used for
the session id, which must be new on every pgbench transaction).
"""
import json
import re
import sys

PREFIX = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+) \[(\d+)\] (?:(\S*)@(\S*) )?(\w+):  (.*)$")
EXECUTE = re.compile(r"^(?:duration: [\d.]+ ms  )?(execute [^:]*|statement): (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')", re.S)
MARK = re.compile(r"select 'glide-bench-mark', '([\w-]+)'")


# Statements of the application's own timers, never of a request (auth/Revocations, audit/AuditSealer,
# alert/MonitoringJob, and every job that opens its transaction with db/JobTimeouts: export/ExportJob,
# push/PushDispatcher, push/PushDueJob, media/MediaCleanupJob; the push outbox's age gauge). The whole
# transaction such a statement runs in is left out (see background). A run of 2026-11-29 counted the
# export and push jobs (every 5 s) as 17 more statements of the 304 path before they were listed here.
BACKGROUND = re.compile(r"left join token_revocation r on r\.tx|audit_seal\(|hashtext\('glide\.monitoring'\)"
                        r"|set_config\('lock_timeout', |from push_outbox where status = 'PENDING'")
TX_END = {"COMMIT", "ROLLBACK"}


def background(stmts):
    """Indexes of the statements of the timers' transactions: a BACKGROUND statement and, when
    it runs inside an explicit transaction on its connection, that transaction from BEGIN to
    COMMIT (the sealer sets its timeouts in a statement of its own before it seals). A timer
    statement in autocommit takes nothing else: the pooled connection may have served a
    request just before."""
    drop = set()
    for i, s in enumerate(stmts):
        if not BACKGROUND.search(s["sql"]):
            continue
        same = [j for j, t in enumerate(stmts) if t["pid"] == s["pid"]]
        begin = None
        for j in reversed([j for j in same if j < i]):
            sql = stmts[j]["sql"].strip().upper()
            if sql in TX_END:
                break
            if sql == "BEGIN":
                begin = j
                break
        if begin is None:
            drop.add(i)
            continue
        end = i
        for j in [j for j in same if j > i]:
            end = j
            if stmts[j]["sql"].strip().upper() in TX_END:
                break
        drop.update(j for j in same if begin <= j <= end)
    return drop


def literal(value):
    """A logged parameter ('...' or NULL) as SQL. pgbench -M prepared treats ':name' as a
    variable even inside quotes, so such a colon becomes the escape \\x3a of an E'' string."""
    if value.startswith("'") and re.search(r":[A-Za-z_]", value):
        return "E" + value.replace("\\", "\\\\").replace(":", "\\x3a")
    return value


def entries(lines):
    cur = None
    for line in lines:
        m = PREFIX.match(line)
        if m:
            if cur:
                yield cur
            cur = {"pid": m.group(2), "db": m.group(4), "level": m.group(5), "msg": m.group(6)}
        elif cur is not None:
            cur["msg"] += "\n" + line.rstrip("\n").lstrip("\t")
    if cur:
        yield cur


def main(argv):
    log, offset, db, out = argv[1], int(argv[2]), argv[3], argv[4]
    variables, exprs = [], []
    i = 5
    while i < len(argv):
        if argv[i] == "--var":
            name, value = argv[i + 1].split("=", 1)
            variables.append((name, value))
        elif argv[i] == "--expr":
            name, rest = argv[i + 1].split("=", 1)
            value, expr = rest.split("=", 1)
            exprs.append((value, expr))
        i += 2
    with open(log, "rb") as f:
        f.seek(offset)
        text = f.read().decode("utf-8", "replace")
    captured = {}
    current = None
    last = None
    for e in entries(text.splitlines()):
        if e["db"] is not None and e["db"] != db:
            continue
        if e["level"] == "LOG":
            mark = MARK.search(e["msg"])
            if mark:
                current = mark.group(1)
                captured[current] = []
                last = None
                continue
            m = EXECUTE.match(e["msg"])
            if m and current:
                last = {"pid": e["pid"], "kind": m.group(1), "sql": m.group(2).strip(), "params": {}}
                captured[current].append(last)
            else:
                last = None
        elif e["level"] == "DETAIL" and last is not None and e["msg"].startswith("parameters:") and last["pid"] == e["pid"]:
            last["params"] = {int(n): v for n, v in PARAM.findall(e["msg"])}
    summary = {}
    for name, stmts in captured.items():
        if name == "end":
            continue
        # the marker's own psql session is not the application, and neither are the timers every
        # replica runs on its own (the revocation poll every 2 s, the audit sealer every 10 s):
        # they can land between two marks but belong to no request
        timers = background(stmts)
        stmts = [s for i, s in enumerate(stmts) if "glide-bench-mark" not in s["sql"] and i not in timers]
        with open(f"{out}/{name}.log", "w") as f:
            for s in stmts:
                f.write(f"-- pid {s['pid']} {s['kind']}\n{s['sql']}\n")
                if s["params"]:
                    f.write("-- parameters: " + json.dumps({f"${k}": v for k, v in sorted(s["params"].items())}) + "\n")
        lines = []
        for s in stmts:
            sql = re.sub(r"\$(\d+)\b", lambda m: literal(s["params"].get(int(m.group(1)), m.group(0))), s["sql"])
            for value, expr in exprs:
                sql = sql.replace("'" + value + "'", expr)
            for var, value in variables:
                sql = sql.replace(value, ":" + var)
            lines.append(sql.rstrip().rstrip(";") + ";")
        body = "\n".join(lines) + "\n"
        with open(f"{out}/{name}.template.sql", "w") as f:
            f.write(f"-- The {len(stmts)} statement(s) one request of {name} issued, captured by bench/run.sh from the\n"
                    "-- PostgreSQL log (bound parameters inlined). Variables: " +
                    (", ".join(":" + v for v, _ in variables if ":" + v in body) or "none") + ".\n"
                    "-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by\n"
                    "-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench\n")
            if ":session_n" in body:
                f.write("\\set session_n random(100000000000, 999999999999)\n")
            f.write(body)
        summary[name] = len(stmts)
    print(json.dumps(summary))


if __name__ == "__main__":
    main(sys.argv)
