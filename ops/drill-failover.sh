#!/usr/bin/env bash
# Drill: database failover under steady load. Stops the primary hard (pg_ctl stop -m immediate,
# like a crash), waits OUTAGE seconds, promotes the standby (pg_ctl promote), points PgBouncer
# at it (rewrites pgbouncer.ini, RELOAD on the admin console). Passes when, while the database
# was gone, clients got only 503 problem+json with Retry-After (never 500), every replica's
# readiness went DOWN and came back UP, the replicas recovered without a restart (same pids),
# and every acknowledged session PUT (before and after) is in the promoted database. Bounded:
# 240 s. Afterwards the cluster runs on the promoted database (5442) without a standby: run
# ops/cluster.sh down && ops/cluster.sh up before another failover drill.
#   ops/cluster.sh up && ops/drill-failover.sh
set -euo pipefail
if [ -z "${DRILL_BOUNDED:-}" ]; then DRILL_BOUNDED=1 exec timeout --foreground 240 "$0" "$@"; fi
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
RATE=${RATE:-150}
OUTAGE=${OUTAGE:-8}
require_cluster
[ "$(primary_port)" = "$PG_PRIMARY_PORT" ] || die "the cluster has failed over already: ops/cluster.sh down && ops/cluster.sh up"
[ "$(psql_at "$PG_PRIMARY_PORT" -d postgres -At -c "select sync_state from pg_stat_replication")" = sync ] \
  || die "the standby is not streaming synchronously"
pids_before="$(replica_pid 1) $(replica_pid 2) $(replica_pid 3)"
start_load failover --rate "$RATE" --duration 200
trap 'touch "$LOAD_OUT/stop"' EXIT
sample_readiness
sleep 10
mark db_stop
as_pg "$PGBIN/pg_ctl" -D "$STATE/pg1" -m immediate -w stop >/dev/null
sleep "$OUTAGE"
as_pg "$PGBIN/pg_ctl" -D "$STATE/pg2" -w -t 60 promote >/dev/null
mark promoted
write_bouncer_ini "$PG_STANDBY_PORT"
bouncer_admin "RELOAD" >/dev/null
echo "$PG_STANDBY_PORT" >"$STATE/primary-port"
mark bouncer_repointed
# Until every replica is UP in HAProxy again, then 10 s more of load.
for n in 1 2 3; do wait_lb_state "$n" UP 90; done
mark all_up
sleep 10
stop_load
wait "$READY_PID" 2>/dev/null || true
trap - EXIT
pids_after="$(replica_pid 1) $(replica_pid 2) $(replica_pid 3)"
for n in 1 2 3; do replica_alive "$n" || die "replica $n died during the failover"; done
[ "$pids_before" = "$pids_after" ] || die "replicas were restarted ($pids_before -> $pids_after)"
say "replicas recovered without a restart (pids $pids_after)"
lost=$(lost_writes "$PG_STANDBY_PORT")
say "drill-failover: $(date -u +%Y-%m-%dT%H:%M:%SZ), rate $RATE/s, outage $OUTAGE s before promotion, $LOAD_OUT"
python3 "$OPS_DIR/drill_report.py" failover "$LOAD_OUT" "$lost"
