#!/usr/bin/env bash
# Drill: rolling restart of all three replicas under steady load (one at a time: SIGTERM,
# which turns readiness DOWN at once and drains for the pre-stop delay; HAProxy takes the
# replica out; start it again; wait until HAProxy has it UP). Passes with zero failed requests
# and every acknowledged session PUT in the database. Bounded: 1200 s (replicas start in 10 s on an idle machine, in up to 150 s on a saturated one).
#   ops/cluster.sh up && ops/drill-rolling.sh
set -euo pipefail
if [ -z "${DRILL_BOUNDED:-}" ]; then DRILL_BOUNDED=1 exec timeout --foreground 1200 "$0" "$@"; fi
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
RATE=${RATE:-150}
require_cluster
start_load rolling --rate "$RATE" --duration 400
trap 'touch "$LOAD_OUT/stop"' EXIT
sleep 5
for n in 1 2 3; do
  mark "r${n}_term"
  stop_replica "$n"
  mark "r${n}_exit"
  start_replica "$n"
  wait_ready "$n" 300
  mark "r${n}_ready"
  wait_lb_state "$n" UP
  mark "r${n}_up"
done
sleep 5
stop_load
trap - EXIT
lost=$(lost_writes "$(primary_port)")
say "drill-rolling: $(date -u +%Y-%m-%dT%H:%M:%SZ), rate $RATE/s, $LOAD_OUT"
python3 "$OPS_DIR/drill_report.py" rolling "$LOAD_OUT" "$lost"
