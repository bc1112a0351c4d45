#!/usr/bin/env bash
# Capacity model inputs (issue 18, item 8; docs/operations.md "Capacity model"): what one
# PostgreSQL primary on this machine sustains for the write a logged session makes, with
# synchronous commit (fsync-bound), next to the disk's own fsync rate measured in the same run.
#
#   bench/capacity.sh                 # ROUNDS=3 SECS=10 CLIENTS="1 16 64"
#
# 1. pg_test_fsync (one 8 kB write per sync): the disk's ceiling for commits that each wait for
#    their own flush.
# 2. pgbench on a scratch database, one transaction per logged session shaped like the
#    application's (bench/sql/capacity-session.sql: insert the session row with its ~0.6 kB of
#    JSON, upsert the patient's day, append an outbox row), synchronous_commit on, for each
#    client count, ROUNDS times, alternating. Many clients share one WAL flush (group commit),
#    so sessions/s can exceed the fsync rate: the ratio shows by how much.
# The application's own end-to-end rate (PUT /v1/me/sessions, one replica and PostgreSQL on the
# same 2 cores) is bench/run.sh's; docs/operations.md combines both.
set -euo pipefail
ROUNDS=${ROUNDS:-3}
SECS=${SECS:-10}
CLIENTS=${CLIENTS:-"1 16 64"}
DB=${DB:-glide_bench_capacity}
PG=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -n 1)/bin

say() { printf '[capacity %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() { "${PG[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true; rm -f "$FSYNC_FILE"; }
FSYNC_FILE=$(mktemp /var/tmp/glide-fsync.XXXXXX)
trap cleanup EXIT

say "disk: pg_test_fsync (2 s per method)"
FSYNC_OUT=$("$BIN/pg_test_fsync" -s 2 -f "$FSYNC_FILE" 2>&1)
FDATASYNC=$(awk '/using one 8kB write/{f=1} f && $1=="fdatasync"{print int($2); exit}' <<<"$FSYNC_OUT")
say "fdatasync, one 8 kB write: $FDATASYNC ops/s"

"${PG[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
"${PG[@]}" -d "$DB" <<'SQL' >/dev/null
create table session_log (id uuid primary key, patient_id uuid not null, started_at timestamptz not null,
    ended_at timestamptz not null, pain_before int, pain_after int, items jsonb not null, created_at timestamptz not null);
create index session_log_patient on session_log (patient_id, started_at desc);
create table patient_day (patient_id uuid not null, day date not null, sessions int not null, pain_sum int not null,
    primary key (patient_id, day));
create table outbox (id bigint generated always as identity primary key, patient_id uuid not null, kind text not null,
    created_at timestamptz not null);
SQL
say "pgbench: $ROUNDS rounds x clients {$CLIENTS}, ${SECS} s each, synchronous_commit on"
declare -A TPS
for r in $(seq 1 "$ROUNDS"); do
  for c in $CLIENTS; do
    out=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$c" -j "$(( c < 2 ? 1 : 2 ))" -T "$SECS" \
      -f "$HERE/sql/capacity-session.sql" "$DB" 2>&1)
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$out" | head -n 1)
    [ -n "$tps" ] || { echo "$out" >&2; exit 1; }
    TPS[$c]="${TPS[$c]:-} ${tps%.*}"
    say "round $r, $c clients: ${tps%.*} sessions/s"
  done
done
echo "fdatasync (one 8 kB write): $FDATASYNC ops/s"
for c in $CLIENTS; do
  python3 - "$c" "$FDATASYNC" ${TPS[$c]} <<'PY'
import statistics, sys
c, fs, runs = sys.argv[1], int(sys.argv[2]), [int(x) for x in sys.argv[3:]]
m = statistics.median(runs)
print(f"{c:>3} clients: sessions/s median {m:,.0f} (runs {', '.join(f'{x:,}' for x in runs)}); per fdatasync {m / fs:.2f}")
PY
done
echo "on disk (synthetic rows, with indexes): $("${PG[@]}" -d "$DB" -At -c "select (select pg_total_relation_size('session_log') / count(*) from session_log) || ' bytes per session, ' || (select pg_total_relation_size('outbox') / count(*) from outbox) || ' per outbox row'")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
