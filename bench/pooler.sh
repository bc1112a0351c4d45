#!/usr/bin/env bash
# What transaction pooling costs, and why prepareThreshold=0 (docs/benchmarks.md, "Pooler").
# Needs the local cluster (ops/cluster.sh up); about 3 minutes. Two parts:
#
#  1. SQL ceiling (pgbench, select-only, on a scratch database of the cluster's primary):
#     -M prepared direct (what pgjdbc does by default from a statement's 5th run), -M extended
#     direct (unnamed statements: what prepareThreshold=0 sends), -M extended through a PgBouncer
#     in transaction mode, and -M prepared through it (fails on PgBouncer 1.18: named statements
#     do not survive the change of server connection). Alternating rounds; ratios per round.
#  2. The application: replica 1 is restarted on its own (out of HAProxy) three ways and
#     GET /v1/me/plan and the caseload are measured with wrk on it, alternating rounds:
#     A direct to PostgreSQL, driver defaults; B through PgBouncer with the `pooled` profile
#     (prepareThreshold=0); with WITH_C=1 also C: direct with prepareThreshold=0 (the driver
#     setting alone; the pgbench part measures that at the SQL level). Then D:
#     through PgBouncer WITHOUT the pooled profile, to show the failure it prevents.
#     Replica 1 is restarted as the cluster runs it at the end.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/../ops/lib.sh"
ROUNDS=${ROUNDS:-1}
PG_ROUNDS=${PG_ROUNDS:-3}
SECS=${SECS:-8}
PG_CLIENTS=${PG_CLIENTS:-8}
OUT=$STATE/pooler
require_cluster
[ "$(primary_port)" = "$PG_PRIMARY_PORT" ] || die "the cluster has failed over: ops/cluster.sh down && ops/cluster.sh up"
rm -rf "$OUT"
mkdir -p "$OUT/run"
chown postgres: "$OUT/run"
BPID=
cleanup() {
  [ -n "$BPID" ] && kill -TERM "$BPID" 2>/dev/null || true
  psql_at "$PG_PRIMARY_PORT" -d postgres -c "drop database if exists pooler_bench with (force)" >/dev/null 2>&1 || true
  if ! replica_alive 1 || [ "${RESTORE_R1:-0}" = 1 ]; then
    kill_replica 1
    start_replica 1
    ( wait_ready 1 300 ) || true  # a subshell: wait_ready dies (exit) on its timeout
    haproxy_cmd "set server replicas/r1 state ready" >/dev/null || true
    haproxy_cmd "set server replicas_live/r1 state ready" >/dev/null || true
  fi
}
trap cleanup EXIT

# --- 1. pgbench -----------------------------------------------------------------------------
psql_at "$PG_PRIMARY_PORT" -d postgres -c "create database pooler_bench" >/dev/null
PGPORT=$PG_PRIMARY_PORT pgbench -h 127.0.0.1 -U postgres -i -q -s 4 pooler_bench >/dev/null 2>&1
# A PgBouncer of its own, on a Unix socket only (no TCP port), transaction mode, same settings.
cat >"$OUT/pgbouncer.ini" <<EOF
[databases]
pooler_bench = host=127.0.0.1 port=$PG_PRIMARY_PORT dbname=pooler_bench
[pgbouncer]
listen_addr =
listen_port = $BOUNCER_PORT
unix_socket_dir = $OUT/run
pidfile = $OUT/run/pgbouncer.pid
logfile = $OUT/run/pgbouncer.log
auth_type = trust
auth_file = $OUT/userlist.txt
pool_mode = transaction
default_pool_size = 20
max_client_conn = 100
EOF
echo '"postgres" ""' >"$OUT/userlist.txt"
chown postgres: "$OUT"/pgbouncer.ini "$OUT"/userlist.txt
as_pg pgbouncer -d -q "$OUT/pgbouncer.ini"
sleep 0.5
BPID=$(cat "$OUT/run/pgbouncer.pid")
pgb() { # LABEL HOST PORT MODE
  local f="$OUT/pgbench-$1.txt"
  pgbench -n -S -M "$4" -c "$PG_CLIENTS" -j 2 -T "$SECS" -h "$2" -p "$3" -U postgres pooler_bench >"$f" 2>&1 || true
  sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$f" | head -n 1
}
echo "round prepared_direct extended_direct extended_pgbouncer  (tps; pgbench -S -c $PG_CLIENTS -j 2 -T $SECS)" | tee "$OUT/pgbench.txt"
for r in $(seq 1 "$PG_ROUNDS"); do
  a=$(pgb "p-$r" 127.0.0.1 "$PG_PRIMARY_PORT" prepared)
  b=$(pgb "e-$r" 127.0.0.1 "$PG_PRIMARY_PORT" extended)
  c=$(pgb "b-$r" "$OUT/run" "$BOUNCER_PORT" extended)
  echo "$r $a $b $c" | tee -a "$OUT/pgbench.txt"
done
pgbench -n -S -M prepared -c "$PG_CLIENTS" -j 2 -T 3 -h "$OUT/run" -p "$BOUNCER_PORT" -U postgres pooler_bench \
  >"$OUT/pgbench-prepared-bouncer.txt" 2>&1 || true
PREP_ERR=$(grep -m1 -o 'prepared statement "[^"]*" does not exist\|prepared statement "[^"]*" already exists\|number of failed transactions: [1-9].*' "$OUT/pgbench-prepared-bouncer.txt" || true)
echo "pgbench -M prepared through PgBouncer (transaction mode): ${PREP_ERR:-no error}" | tee -a "$OUT/pgbench.txt"
kill -TERM "$BPID"; BPID=

# --- 2. the application ----------------------------------------------------------------------
RESTORE_R1=1
haproxy_cmd "set server replicas/r1 state maint" >/dev/null
haproxy_cmd "set server replicas_live/r1 state maint" >/dev/null
R1=$(replica_url 1)
# start_r1 LABEL VAR=VALUE...: replica 1 with the cluster's settings overridden.
start_r1() {
  local label=$1
  shift
  kill_replica 1
  replica_env 1
  (cd "$STATE" && exec env "${REPLICA_ENV[@]}" "$@" java -Xmx128m -jar "$STATE/app/quarkus-run.jar") >"$OUT/r1-$label.log" 2>&1 &
  echo $! >"$STATE/r1.pid"
  wait_ready 1 300
}
DIRECT="QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PRIMARY_PORT/$DB"
# wrk on replica 1: bench/lua/glide.lua with the cluster's enrolled patients.
measure_r1() { # LABEL ROUND
  local f="$OUT/wrk-$1-$2" now
  now=$(date +%s)
  for mode in plan caseload; do
    if [ $mode = plan ]; then
      env BENCH_MODE=patient_get BENCH_PATH=/v1/me/plan BENCH_CLIENTS="$STATE/seed/clients.lua" \
        wrk -t2 -c8 -d"${SECS}s" -s "$ROOT/bench/lua/glide.lua" "$R1/v1/me/plan" >"$f-$mode.txt" 2>&1
    else
      env BENCH_MODE=therapist_get BENCH_PATH="/v1/caseload?limit=100" BENCH_TOKEN="$(cat "$STATE/seed/therapist.token")" \
        wrk -t2 -c8 -d"${SECS}s" -s "$ROOT/bench/lua/glide.lua" "$R1/v1/caseload?limit=100" >"$f-$mode.txt" 2>&1
    fi
    sed -n 's/^RESULT //p' "$f-$mode.txt" >"$f-$mode.json"
  done
  echo "$(jq -c '{rps, statuses}' "$f-plan.json") $(jq -c '{rps, statuses}' "$f-caseload.json")"
}
warm() { # a few seconds of each request, unmeasured
  env BENCH_MODE=patient_get BENCH_PATH=/v1/me/plan BENCH_CLIENTS="$STATE/seed/clients.lua" \
    wrk -t2 -c8 -d4s -s "$ROOT/bench/lua/glide.lua" "$R1/v1/me/plan" >/dev/null 2>&1
}
echo "round config plan caseload (wrk -t2 -c8 -d${SECS}s on replica 1)" | tee "$OUT/app.txt"
# A and B alternate; D (the failure) comes before the last B, so that replica 1 ends as the
# cluster runs it (B) and needs no further restart.
d_run() {
  start_r1 D QUARKUS_PROFILE=prod
  warm
  echo "D_pgbouncer_default $(measure_r1 D 1)" | tee -a "$OUT/app.txt"
}
for r in $(seq 1 "$ROUNDS"); do
  start_r1 "A$r" QUARKUS_PROFILE=prod "$DIRECT"
  warm; echo "$r A_direct_default $(measure_r1 A "$r")" | tee -a "$OUT/app.txt"
  if [ "${WITH_C:-0}" = 1 ]; then
    start_r1 "C$r" "$DIRECT"
    warm; echo "$r C_direct_pooled $(measure_r1 C "$r")" | tee -a "$OUT/app.txt"
  fi
  [ "$r" = "$ROUNDS" ] && d_run
  start_r1 "B$r"
  warm; echo "$r B_pgbouncer_pooled $(measure_r1 B "$r")" | tee -a "$OUT/app.txt"
done
RESTORE_R1=0
haproxy_cmd "set server replicas/r1 state ready" >/dev/null
haproxy_cmd "set server replicas_live/r1 state ready" >/dev/null
# pgjdbc's named statements meet other clients' on a shared server connection ("already
# exists") or are missing on another one ("does not exist"); the app logs each as an ERROR (500).
D_COUNT=$(grep -c 'prepared statement \\"S_[0-9]*\\" \(does not exist\|already exists\)' "$OUT/r1-D.log" || true)
D_KINDS=$(grep -o 'prepared statement \\"S_[0-9]*\\" \(does not exist\|already exists\)' "$OUT/r1-D.log" \
  | sed 's/S_[0-9]*/S_n/' | sort | uniq -c | tr -s ' ' | paste -sd ';' || true)
echo "D: ERROR lines naming a prepared statement: $D_COUNT ($D_KINDS)" | tee -a "$OUT/app.txt"

python3 - "$OUT" <<'EOF'
import json, re, statistics, sys
out = sys.argv[1]
rows = [l.split() for l in open(out + "/pgbench.txt") if re.match(r"^\d+ ", l)]
def ratios(i, j):
    return [float(r[i]) / float(r[j]) for r in rows if len(r) > max(i, j)]
print("\nSQL ceiling (pgbench -S, tps), per round: prepared direct / extended direct / extended via PgBouncer")
for r in rows: print("  " + " / ".join(r[1:]))
if rows:
    e = ratios(2, 1); b = ratios(3, 1)
    print("  extended direct / prepared direct: median %.2f (%.2f-%.2f)" % (statistics.median(e), min(e), max(e)))
    print("  extended via PgBouncer / prepared direct: median %.2f (%.2f-%.2f)" % (statistics.median(b), min(b), max(b)))
app = {}
for l in open(out + "/app.txt"):
    m = re.match(r"^(\d+) (\w+) (\{.*?\}) (\{.*\})$", l.strip())
    if m:
        app.setdefault(m[2], []).append((json.loads(m[3]), json.loads(m[4])))
if "A_direct_default" in app:
    print("\nApplication (replica 1, wrk -c8), requests/s per round; ratio to A in the same round:")
    for k in ("A_direct_default", "B_pgbouncer_pooled", "C_direct_pooled"):
        if k not in app: continue
        for what, idx in (("plan", 0), ("caseload", 1)):
            vals = [x[idx]["rps"] for x in app[k]]
            base = [x[idx]["rps"] for x in app["A_direct_default"]]
            rat = [v / b for v, b in zip(vals, base)]
            print("  %-20s %-9s %s  ratio median %.2f (%.2f-%.2f)" % (k, what, " ".join("%.0f" % v for v in vals),
                  statistics.median(rat), min(rat), max(rat)))
EOF
tail -n 1 "$OUT/app.txt"
