#!/usr/bin/env bash
# What access-token revocation costs (issue 12, item 5). The request path reads no table: a
# verified token is checked against an in-memory set (auth/Revocations). The database cost is
# the poll each replica runs every glide.revocation.poll-every (2 s), measured here with
# pgbench on a table much larger than it will ever be in practice:
#   - OLD rows older than the window (a year of logouts; never read again),
#   - LIVE rows revoked within the last access-token lifetime (what a replica holds),
# for the steady-state poll (cursor = current snapshot xmin: only new rows) and for the
# first poll of a starting replica (cursor 0: every live row).
# Usage: bench/revocation.sh   (env: DB, OLD, LIVE, USERS, RUN_SECONDS, CLIENTS)
# Needs psql and pgbench against PostgreSQL on 127.0.0.1:5432 (user postgres). Drops DB at the end.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
DB=${DB:-glide_bench_revocation}
OLD=${OLD:-1000000}
LIVE=${LIVE:-5000}
USERS=${USERS:-20000}
SECONDS_RUN=${RUN_SECONDS:-15}
CLIENTS=${CLIENTS:-1}
WINDOW=1020 # seconds: access-token lifetime 15 min + 30 s clock skew + 1 min margin
export PGOPTIONS="-c client_min_messages=warning"
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
say() { printf '[revocation bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
trap 'dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB" || true' EXIT
say "schema: every migration of src/main/resources/db/migration, in order"
for f in $(ls "$ROOT"/src/main/resources/db/migration/V*__*.sql | sort -t V -k2 -n); do
  "${PSQL[@]}" -d "$DB" -f "$f" >/dev/null
done

say "data: $USERS users, $OLD old revocations over a year, $LIVE within the last ${WINDOW}s"
"${PSQL[@]}" -d "$DB" <<SQL
insert into clinic (id, name) values ('00000000-0000-4000-8000-000000000001', 'Bench');
insert into app_user (id, clinic_id, role, email, password_hash, display_name, created_at, updated_at)
select gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'THERAPIST', 'u' || g || '@bench.example', 'x',
       'User ' || g, now(), now()
from generate_series(1, $USERS) g;
create temporary table u as select row_number() over () as n, id from app_user;
-- One transaction per 1,000 rows would be closer to life; xid order is what matters and
-- every row here is older than the polls' snapshots either way.
insert into token_revocation (user_id, family_id, reason, revoked_at)
select u.id, gen_random_uuid(), 'logout', now() - interval '1 year' * random() - interval '1 hour'
from generate_series(1, $OLD) g join u on u.n = 1 + g % $USERS;
insert into token_revocation (user_id, family_id, reason, revoked_at)
select u.id, case when g % 10 = 0 then null else gen_random_uuid() end, 'logout',
       now() - make_interval(secs => ($WINDOW - 60) * random())
from generate_series(1, $LIVE) g join u on u.n = 1 + g % $USERS;
vacuum analyze token_revocation;
SQL

POLL="select cast(pg_snapshot_xmin(pg_current_snapshot()) as text), r.user_id, r.family_id, r.revoked_at
from (select 1) one
left join token_revocation r on r.tx >= cast(cast(:cursor as text) as xid8)
    and r.revoked_at > now() - make_interval(secs => $WINDOW);"
printf '%s\n' "$POLL" >"/tmp/revocation-poll.$$.sql"
STEADY=$("${PSQL[@]}" -d "$DB" -Atc "select pg_snapshot_xmin(pg_current_snapshot())")

say "plans"
for c in "'$STEADY'" "'0'"; do
  "${PSQL[@]}" -d "$DB" -c "explain (analyze, buffers, costs off, timing off, summary on) ${POLL//:cursor/$c}" | sed 's/^/    /'
done

for run in "steady $STEADY" "first 0"; do
  set -- $run
  say "pgbench, $1 poll (cursor $2), $CLIENTS client(s), ${SECONDS_RUN}s"
  pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CLIENTS" -T "$SECONDS_RUN" -D cursor="$2" \
    -f "/tmp/revocation-poll.$$.sql" "$DB" 2>/dev/null | grep -E "latency average|^tps|transactions actually" | sed "s/^/    $1: /"
done
rm -f "/tmp/revocation-poll.$$.sql"
echo "    table: $("${PSQL[@]}" -d "$DB" -Atc "select pg_size_pretty(pg_total_relation_size('token_revocation'))") with indexes, $((OLD + LIVE)) rows"
