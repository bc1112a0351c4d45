#!/usr/bin/env bash
# Local cluster for drills (docs/operations.md, "Local cluster and drills"). As root:
#
#   ops/cluster.sh up       PostgreSQL 15 primary (:5441) + streaming standby made with
#                           pg_basebackup (:5442, synchronous), PgBouncer 1.18 in transaction
#                           mode (:6441) in front of the primary, migration once (the Job's way),
#                           three API replicas (:8181-8183, packaged jar, prod profile + the
#                           `pooled` profile, -Xmx128m), HAProxy (:8180, stats :8189) checking
#                           /q/health/ready; seeds therapists and patients (bench/lib.sh) and
#                           enrols patients through the balancer. About a minute.
#   ops/cluster.sh status   what runs
#   ops/cluster.sh down     stops everything it started and removes ${GLIDE_CLUSTER_DIR:-/tmp/glide-cluster}
#
# Needs: apt-get install --no-install-recommends haproxy pgbouncer; PostgreSQL 15 binaries in
# /usr/lib/postgresql/15/bin; java, jq, curl, python3, openssl. Builds the jar when
# target/quarkus-app is missing (BUILD=1 forces it). Never touches the machine's main cluster.
set -euo pipefail
# shellcheck source=ops/lib.sh
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"

SEED_THERAPISTS=${SEED_THERAPISTS:-2}
SEED_PATIENTS=${SEED_PATIENTS:-100}
SEED_TOKENS=${SEED_TOKENS:-16}

pg_conf() { # DATADIR PORT
  cat >>"$1/postgresql.conf" <<EOF

# --- ops/cluster.sh ---
port = $2
listen_addresses = '127.0.0.1'
unix_socket_directories = '$STATE/run'
shared_buffers = 64MB
max_connections = 100
wal_level = replica
max_wal_senders = 4
hot_standby = on
logging_collector = off
EOF
}

up() {
  [ "$(id -u)" = 0 ] || die "run as root (PostgreSQL and PgBouncer run as the postgres user)"
  local t in_use
  for t in haproxy pgbouncer java jq curl python3 openssl psql; do
    command -v "$t" >/dev/null || die "missing $t (apt-get install --no-install-recommends haproxy pgbouncer)"
  done
  [ -x "$PGBIN/initdb" ] || die "no PostgreSQL 15 binaries in $PGBIN"
  [ ! -e "$STATE" ] || die "$STATE exists: ops/cluster.sh down first"
  for t in $PG_PRIMARY_PORT $PG_STANDBY_PORT $BOUNCER_PORT "${REPLICA_PORTS[@]}" $LB_PORT $LB_STATS_PORT; do
    in_use=$(python3 -c 'import socket,sys; s=socket.socket(); print(s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0)' "$t")
    [ "$in_use" = False ] || die "port $t is in use"
  done
  local t0
  t0=$(now_ms)
  # A half-built cluster is removed again, its logs kept first (the messages point at them).
  trap 'rc=$?; [ $rc -eq 0 ] || { keep_logs; say "up failed: tearing down"; down; }; exit $rc' EXIT
  if [ "${BUILD:-0}" = 1 ] || [ ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ]; then
    say "building the jar (./mvnw -q package -DskipTests)"
    (cd "$ROOT" && ./mvnw -q package -DskipTests)
  fi
  mkdir -p "$STATE/run" "$STATE/keys"
  touch "$STATE/.glide-cluster"
  chmod 755 "$STATE"
  install -d -o postgres -g postgres "$STATE/log"
  chown postgres: "$STATE/run"
  # The replicas run from a copy, so a build meanwhile cannot swap jars under them.
  cp -a "$ROOT/target/quarkus-app" "$STATE/app"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$STATE/keys/private.pem" 2>/dev/null
  openssl pkey -in "$STATE/keys/private.pem" -pubout -out "$STATE/keys/public.pem"
  echo "$PG_PRIMARY_PORT" >"$STATE/primary-port"

  say "PostgreSQL primary on $PG_PRIMARY_PORT"
  install -d -o postgres -g postgres "$STATE/pg1"
  as_pg "$PGBIN/initdb" -D "$STATE/pg1" -U postgres -A trust --no-sync >/dev/null
  pg_conf "$STATE/pg1" "$PG_PRIMARY_PORT"
  echo "host replication postgres 127.0.0.1/32 trust" >>"$STATE/pg1/pg_hba.conf"
  pg_up "$STATE/pg1"
  psql_at "$PG_PRIMARY_PORT" -d postgres -c "create database $DB" >/dev/null
  psql_at "$PG_PRIMARY_PORT" -d "$DB" -v owner_role=$OWNER_ROLE -v app_role=$APP_ROLE -v schema=glide \
    -v owner_password=$OWNER_PASSWORD -v app_password=$APP_PASSWORD -f "$ROOT/scripts/create-roles.sql" >/dev/null
  # Behind a transaction pooler the application's per-connection SETs would stick to whichever
  # server connection ran them: the request timeouts are the role's defaults instead
  # (docs/operations.md, "Behind PgBouncer"); the scripts' superuser sees the schema.
  psql_at "$PG_PRIMARY_PORT" -d "$DB" \
    -c "alter role $APP_ROLE in database $DB set lock_timeout = '2s'" \
    -c "alter role $APP_ROLE in database $DB set statement_timeout = '5s'" \
    -c "alter role postgres in database $DB set search_path = glide"

  say "standby on $PG_STANDBY_PORT (pg_basebackup, streaming)"
  install -d -o postgres -g postgres -m 700 "$STATE/pg2"
  as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" -U postgres -D "$STATE/pg2" -R -X stream \
    --checkpoint=fast >/dev/null
  cat >>"$STATE/pg2/postgresql.conf" <<EOF
port = $PG_STANDBY_PORT
cluster_name = 'glide_standby'
# Once promoted it has no standby of its own: it must not wait for one.
synchronous_standby_names = ''
EOF
  pg_up "$STATE/pg2"
  # Synchronous replication from now on: a commit is acknowledged once the standby has flushed
  # it, so promoting the standby loses no acknowledged write even if the primary dies hard.
  psql_at "$PG_PRIMARY_PORT" -d postgres -c "alter system set synchronous_standby_names = 'glide_standby'" \
    -c "select pg_reload_conf()" >/dev/null
  local i sync=
  for i in $(seq 1 50); do
    sync=$(psql_at "$PG_PRIMARY_PORT" -d postgres -At -c "select sync_state from pg_stat_replication where application_name = 'glide_standby'")
    [ "$sync" = sync ] && break
    sleep 0.2
  done
  [ "$sync" = sync ] || die "the standby is not a synchronous standby (pg_stat_replication: '$sync')"

  say "migrating once (QUARKUS_INIT_AND_EXIT, as $OWNER_ROLE, directly on the primary)"
  (cd "$STATE" && env QUARKUS_PROFILE=prod QUARKUS_INIT_AND_EXIT=true QUARKUS_FLYWAY_MIGRATE_AT_START=true \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PRIMARY_PORT/$DB?currentSchema=glide" \
      QUARKUS_DATASOURCE_USERNAME=$APP_ROLE QUARKUS_DATASOURCE_PASSWORD=$APP_PASSWORD \
      QUARKUS_FLYWAY_USERNAME=$OWNER_ROLE QUARKUS_FLYWAY_PASSWORD=$OWNER_PASSWORD \
      GLIDE_JWT_PRIVATE_KEY_LOCATION="$STATE/keys/private.pem" GLIDE_JWT_PUBLIC_KEY_LOCATION="$STATE/keys/public.pem" \
      QUARKUS_HTTP_PORT=0 QUARKUS_MANAGEMENT_PORT=0 \
      timeout 180 java -Xmx128m -jar "$STATE/app/quarkus-run.jar") >"$STATE/migrate.log" 2>&1 \
    || { tail -n 20 "$STATE/migrate.log" >&2; die "migration failed (log $STATE/migrate.log)"; }

  say "PgBouncer on $BOUNCER_PORT (transaction mode) -> $PG_PRIMARY_PORT"
  write_bouncer_ini "$PG_PRIMARY_PORT"
  printf '"%s" "%s"\n"%s" "%s"\n' "$APP_ROLE" "$APP_PASSWORD" pgbouncer_admin "$BOUNCER_ADMIN_PASSWORD" \
    >"$STATE/pgbouncer/userlist.txt"
  chown postgres: "$STATE/pgbouncer/userlist.txt"
  chmod 600 "$STATE/pgbouncer/userlist.txt"
  as_pg pgbouncer -d -q "$STATE/pgbouncer/pgbouncer.ini"
  for i in $(seq 1 50); do bouncer_admin "show version" >/dev/null 2>&1 && break; sleep 0.1; done
  bouncer_admin "show version" >/dev/null || die "PgBouncer does not answer"

  say "three replicas on ${REPLICA_PORTS[*]}"
  for i in 1 2 3; do start_replica "$i"; done
  for i in 1 2 3; do wait_ready "$i" 180; done

  say "HAProxy on $LB_PORT (stats http://127.0.0.1:$LB_STATS_PORT/)"
  mkdir -p "$STATE/haproxy"
  sed -e "s#@STATE@#$STATE#g" -e "s#@LB_PORT@#$LB_PORT#g" -e "s#@STATS_PORT@#$LB_STATS_PORT#g" \
    -e "s#@R1@#${REPLICA_PORTS[0]}#g" -e "s#@R2@#${REPLICA_PORTS[1]}#g" -e "s#@R3@#${REPLICA_PORTS[2]}#g" \
    "$OPS_DIR/haproxy.cfg" >"$STATE/haproxy/haproxy.cfg"
  haproxy -c -q -f "$STATE/haproxy/haproxy.cfg" || die "haproxy.cfg is invalid"
  haproxy -D -f "$STATE/haproxy/haproxy.cfg" -p "$STATE/haproxy/haproxy.pid"
  for i in 1 2 3; do wait_lb_state "$i" UP 20; done

  say "seeding $SEED_THERAPISTS therapists, $SEED_PATIENTS patients; enrolling $SEED_TOKENS through the balancer"
  seed
  say "up in $(( ($(now_ms) - t0) / 1000 )) s: $LB (replicas ${REPLICA_PORTS[*]}), PgBouncer $BOUNCER_PORT, primary $PG_PRIMARY_PORT, standby $PG_STANDBY_PORT; state in $STATE"
}

# Therapists, patients and plans by SQL (bench/sql/dataset.sql), tokens through the API
# (bench/lib.sh: login_therapist, enrol_patients); the load generator reads $STATE/seed.
seed() {
  (
    export RESULTS=$STATE/seed PORT=$LB_PORT DB THERAPISTS=$SEED_THERAPISTS PATIENTS=$SEED_PATIENTS PGPORT=$PG_PRIMARY_PORT
    mkdir -p "$RESULTS"
    : >"$RESULTS/commands.txt"
    # shellcheck source=bench/lib.sh
    source "$ROOT/bench/lib.sh"
    BASE=$LB
    load_people
    login_therapist
    enrol_patients "$SEED_TOKENS"
    printf '%s' "$THERAPIST_TOKEN" >"$RESULTS/therapist.token"
  )
  [ -s "$STATE/seed/clients.lua" ] && [ -s "$STATE/seed/therapist.token" ] || die "seeding failed"
}

status() {
  [ -e "$STATE/.glide-cluster" ] || { echo "no cluster in $STATE"; return 0; }
  local i
  echo "state: $STATE; PgBouncer -> $(primary_port)"
  for i in pg1 pg2; do
    printf '%s: ' "$i"; as_pg "$PGBIN/pg_ctl" -D "$STATE/$i" status >/dev/null 2>&1 && echo running || echo stopped
  done
  printf 'pgbouncer: '; bouncer_admin "show version" >/dev/null 2>&1 && echo running || echo stopped
  for i in 1 2 3; do
    printf 'replica %s (%s): pid %s, ready %s, HAProxy %s\n' "$i" "${REPLICA_PORTS[$((i - 1))]}" "$(replica_pid "$i")" \
      "$(http_code "$(replica_url "$i")/q/health/ready" 2)" "$(lb_state "$i" 2>/dev/null || echo -)"
  done
}

keep_logs() { # copies the logs of a failed start next to the state directory
  local kept="$STATE.failed-$(date +%s)"
  mkdir -p "$kept"
  find "$STATE" -name '*.log' -exec cp --parents -t "$kept" {} + 2>/dev/null || true
  say "logs of the failed start kept in $kept"
}

down() {
  if [ ! -e "$STATE/.glide-cluster" ]; then
    [ ! -e "$STATE" ] || die "$STATE exists but was not made by ops/cluster.sh: not removing it"
    say "nothing to stop ($STATE does not exist)"
    return 0
  fi
  local i p
  if [ -f "$STATE/haproxy/haproxy.pid" ]; then
    for p in $(cat "$STATE/haproxy/haproxy.pid"); do kill -TERM "$p" 2>/dev/null || true; done
  fi
  for i in 1 2 3; do kill_replica "$i"; done
  if [ -f "$STATE/pgbouncer/pgbouncer.pid" ]; then
    p=$(cat "$STATE/pgbouncer/pgbouncer.pid")
    kill -TERM "$p" 2>/dev/null || true
    for i in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  fi
  for i in pg1 pg2; do
    if [ -f "$STATE/$i/postmaster.pid" ]; then
      as_pg "$PGBIN/pg_ctl" -D "$STATE/$i" -m immediate -w stop >/dev/null 2>&1 || true
    fi
  done
  # Anything of ours still alive (a replica started by a drill that was interrupted, say).
  for p in $(ps -eo pid=,args= | awk -v s="$STATE/" '$2 !~ /awk$/ && index($0, s) { print $1 }'); do
    [ "$p" != $$ ] && kill -KILL "$p" 2>/dev/null || true
  done
  rm -rf "$STATE"
  say "down: processes stopped, $STATE removed"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|status|down" >&2; exit 2 ;;
esac
