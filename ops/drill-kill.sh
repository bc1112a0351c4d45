#!/usr/bin/env bash
# Drill: steady mixed load through HAProxy (plan GET, session PUT with client UUIDs, caseload)
# while replica 1 is killed with SIGKILL and replica 2 is restarted (SIGTERM, graceful). Passes
# when the only failed requests are ones in flight at the instant of the kill, no survivor
# answered 5xx, and every acknowledged session PUT is in the database. Bounded: 600 s.
#   ops/cluster.sh up && ops/drill-kill.sh
set -euo pipefail
if [ -z "${DRILL_BOUNDED:-}" ]; then DRILL_BOUNDED=1 exec timeout --foreground 600 "$0" "$@"; fi
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
RATE=${RATE:-150}
require_cluster
start_load kill --rate "$RATE" --duration 200
trap 'touch "$LOAD_OUT/stop"' EXIT
sleep 8
# The mark first: kill_replica waits until the process is gone (up to 5 s while it is a zombie
# nobody has reaped yet), and a mark taken after it would place the kill seconds too late.
mark kill_r1
kill_replica 1
sleep 4
say "restarting replica 2 (SIGTERM, graceful)"
mark r2_term
stop_replica 2
mark r2_exit
start_replica 2
say "starting replica 1 again"
start_replica 1
wait_ready 2 300
wait_lb_state 2 UP
mark r2_up
wait_ready 1 300
mark r1_ready
wait_lb_state 1 UP
mark r1_up
sleep 5
stop_load
trap - EXIT
lost=$(lost_writes "$(primary_port)")
say "drill-kill: $(date -u +%Y-%m-%dT%H:%M:%SZ), rate $RATE/s, $LOAD_OUT"
python3 "$OPS_DIR/drill_report.py" kill "$LOAD_OUT" "$lost"
