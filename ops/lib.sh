# Shared by ops/cluster.sh and the drills (sourced; does nothing by itself).
# The local cluster (docs/operations.md, "Local cluster and drills"): PostgreSQL primary and a
# streaming standby, PgBouncer (transaction mode) in front of the primary, three API replicas,
# HAProxy in front of them. Everything lives in $STATE and on the ports below; the machine's
# main PostgreSQL cluster is never touched.

OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$OPS_DIR/.." && pwd)
STATE=${GLIDE_CLUSTER_DIR:-/tmp/glide-cluster}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_PRIMARY_PORT=5441
PG_STANDBY_PORT=5442
BOUNCER_PORT=6441
REPLICA_PORTS=(8181 8182 8183)
LB_PORT=8180
LB_STATS_PORT=8189
DB=glide
OWNER_ROLE=glide_owner
APP_ROLE=glide_app
# Throwaway cluster, loopback only: fixed passwords are fine (they never leave $STATE's machine).
OWNER_PASSWORD=cluster-owner-password
APP_PASSWORD=cluster-app-password
BOUNCER_ADMIN_PASSWORD=cluster-bouncer-admin
ADMIN_EMAIL=admin@cluster.glide.example
ADMIN_PASSWORD=cluster-admin-password-1
LB=http://127.0.0.1:$LB_PORT

say() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
as_pg() { runuser -u postgres -- "$@"; }

# psql as the superuser on PORT (default: whichever of primary/standby is the primary now).
psql_at() {
  local port=$1
  shift
  PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"
}
# The port of the database PgBouncer points at (the current primary).
primary_port() { cat "$STATE/primary-port" 2>/dev/null || echo "$PG_PRIMARY_PORT"; }

pg_up() { # DATADIR PORT
  as_pg "$PGBIN/pg_ctl" -D "$1" -l "$STATE/log/$(basename "$1").log" -w -t 60 start >/dev/null
}

# --- PgBouncer -------------------------------------------------------------------------
# write_bouncer_ini PORT: PgBouncer's [databases] entry points at PORT.
write_bouncer_ini() {
  local target=$1 d=$STATE/pgbouncer
  mkdir -p "$d"
  cat >"$d/pgbouncer.ini.new" <<EOF
[databases]
$DB = host=127.0.0.1 port=$target dbname=$DB

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir = $STATE/run
pidfile = $d/pgbouncer.pid
logfile = $d/pgbouncer.log
auth_type = scram-sha-256
auth_file = $d/userlist.txt
admin_users = pgbouncer_admin
pool_mode = transaction
max_client_conn = 300
default_pool_size = 20
reserve_pool_size = 0
; pgjdbc sends extra_float_digits (and search_path with currentSchema) at startup, which
; PgBouncer 1.18 does not track: ignore them (the role's search_path applies).
ignore_startup_parameters = extra_float_digits,search_path
; While the database is gone: try it again every second, and never keep a client waiting
; for a server connection longer than 3 s (the application then answers 503).
server_login_retry = 1
server_connect_timeout = 2
query_wait_timeout = 3
server_lifetime = 3600
server_idle_timeout = 60
log_connections = 0
log_disconnections = 0
EOF
  mv "$d/pgbouncer.ini.new" "$d/pgbouncer.ini"
  chown -R postgres: "$d"
}

bouncer_admin() { # SQL
  PGPASSWORD=$BOUNCER_ADMIN_PASSWORD psql -h 127.0.0.1 -p "$BOUNCER_PORT" -U pgbouncer_admin -X -q -At pgbouncer -c "$1"
}

# --- replicas --------------------------------------------------------------------------
replica_env() { # N (1..3)
  local n=$1 port=${REPLICA_PORTS[$(( $1 - 1 ))]}
  REPLICA_ENV=(
    QUARKUS_PROFILE=prod,pooled
    QUARKUS_HTTP_HOST=127.0.0.1
    QUARKUS_HTTP_PORT="$port"
    QUARKUS_MANAGEMENT_HOST=127.0.0.1
    # Metrics only (not used here): any free port.
    QUARKUS_MANAGEMENT_PORT=0
    # Through PgBouncer; the role's search_path is the schema (scripts/create-roles.sql).
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$BOUNCER_PORT/$DB"
    QUARKUS_DATASOURCE_USERNAME=$APP_ROLE
    QUARKUS_DATASOURCE_PASSWORD=$APP_PASSWORD
    # Replicas never migrate (ops/cluster.sh migrated once, as the owner): Flyway login = app role.
    QUARKUS_FLYWAY_MIGRATE_AT_START=false
    QUARKUS_FLYWAY_USERNAME=$APP_ROLE
    QUARKUS_FLYWAY_PASSWORD=$APP_PASSWORD
    GLIDE_JWT_PRIVATE_KEY_LOCATION="$STATE/keys/private.pem"
    GLIDE_JWT_PUBLIC_KEY_LOCATION="$STATE/keys/public.pem"
    GLIDE_JWT_ACCESS_TOKEN_TTL=PT2H
    GLIDE_BOOTSTRAP_CLINIC_NAME="Cluster Clinic"
    GLIDE_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL
    GLIDE_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD
    GLIDE_RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS=100000
    GLIDE_RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS=100000
    GLIDE_RATE_LIMIT_ENROL_FAILURES_PER_ADDRESS=100000
    GLIDE_RATE_LIMIT_ENROL_FAILURES_PER_CODE_AND_ADDRESS=100000
    # HAProxy checks readiness every second and takes a replica out after 2 failures: the
    # pre-stop delay (5 s) is longer than that.
    GLIDE_SHUTDOWN_PRE_STOP_DELAY=${GLIDE_SHUTDOWN_PRE_STOP_DELAY:-5s}
  )
}

replica_pid() { cat "$STATE/r$1.pid" 2>/dev/null || true; }
replica_alive() { local p; p=$(replica_pid "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
replica_url() { echo "http://127.0.0.1:${REPLICA_PORTS[$(( $1 - 1 ))]}"; }
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-3}" "$1" || true; }

# start_replica N: starts replica N in the background (its pid in $STATE/rN.pid).
start_replica() {
  local n=$1
  replica_alive "$n" && die "replica $n is already running (pid $(replica_pid "$n"))"
  replica_env "$n"
  (cd "$STATE" && exec env "${REPLICA_ENV[@]}" java -Xmx128m -jar "$STATE/app/quarkus-run.jar") >>"$STATE/r$n.log" 2>&1 &
  echo $! >"$STATE/r$n.pid"
}

# wait_ready N [SECONDS]: until replica N answers 200 on /q/health/ready.
wait_ready() {
  local n=$1 limit=${2:-120} t0
  t0=$(date +%s)
  until [ "$(http_code "$(replica_url "$n")/q/health/ready")" = 200 ]; do
    replica_alive "$n" || { tail -n 20 "$STATE/r$n.log" >&2; die "replica $n exited during startup (log $STATE/r$n.log)"; }
    [ $(( $(date +%s) - t0 )) -lt "$limit" ] || die "replica $n not ready within $limit s"
    sleep 0.2
  done
}

# stop_replica N: SIGTERM (graceful: readiness 503, pre-stop delay, drain), wait for the exit.
stop_replica() {
  local n=$1 p i
  p=$(replica_pid "$n")
  [ -n "$p" ] || return 0
  if kill -0 "$p" 2>/dev/null; then
    kill -TERM "$p"
    for i in $(seq 1 450); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$p" 2>/dev/null && { say "replica $n did not stop within 45 s: SIGKILL"; kill -KILL "$p"; }
  fi
  rm -f "$STATE/r$n.pid"
}

kill_replica() { # N: SIGKILL, no goodbye
  local p
  p=$(replica_pid "$1")
  [ -n "$p" ] && kill -KILL "$p" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  rm -f "$STATE/r$1.pid"
}

# --- HAProxy -----------------------------------------------------------------------------
haproxy_cmd() { # runtime API command
  python3 - "$STATE/haproxy/admin.sock" "$1" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall((sys.argv[2] + "\n").encode())
out = b""
while True:
    b = s.recv(65536)
    if not b:
        break
    out += b
sys.stdout.write(out.decode())
EOF
}

# lb_state N: the server's state in HAProxy's "replicas" backend (UP, DOWN, NOLB, MAINT, ...).
lb_state() {
  haproxy_cmd "show stat" | awk -F, -v s="r$1" '$1 == "replicas" && $2 == s { print $18 }'
}

# wait_lb_state N STATE [SECONDS]
wait_lb_state() {
  local n=$1 want=$2 limit=${3:-30} t0
  t0=$(date +%s)
  until [[ $(lb_state "$n") == "$want"* ]]; do
    [ $(( $(date +%s) - t0 )) -lt "$limit" ] || die "HAProxy did not see r$n $want within $limit s (it says $(lb_state "$n"))"
    sleep 0.2
  done
}

# --- drills --------------------------------------------------------------------------------
# require_cluster: the cluster is up with all three replicas UP in HAProxy.
require_cluster() {
  [ "$(id -u)" = 0 ] || die "run as root"
  [ -e "$STATE/.glide-cluster" ] || die "no cluster in $STATE: ops/cluster.sh up first"
  local i
  for i in 1 2 3; do
    replica_alive "$i" || die "replica $i is not running"
    [[ $(lb_state "$i") == UP* ]] || die "HAProxy does not see r$i UP ($(lb_state "$i"))"
  done
}

# start_load NAME [load.py args]: the load generator in the background (LOAD_OUT, LOAD_PID).
start_load() {
  LOAD_OUT=$STATE/drills/$1
  shift
  rm -rf "$LOAD_OUT"
  mkdir -p "$LOAD_OUT"
  python3 "$OPS_DIR/load.py" --port "$LB_PORT" --seed "$STATE/seed" --out "$LOAD_OUT" "$@" \
    >"$LOAD_OUT/load.out" 2>"$LOAD_OUT/load.err" &
  LOAD_PID=$!
  local i
  for i in $(seq 1 50); do [ -s "$LOAD_OUT/t0" ] && return 0; sleep 0.1; done
  die "the load generator did not start ($(cat "$LOAD_OUT/load.err"))"
}

stop_load() {
  touch "$LOAD_OUT/stop"
  wait "$LOAD_PID" || die "the load generator failed: $(tail -n 5 "$LOAD_OUT/load.err")"
}

# rel_now: seconds since the load began.
rel_now() { awk -v a="$(date +%s.%N)" -v b="$(cat "$LOAD_OUT/t0")" 'BEGIN { printf "%.3f", a - b }'; }
mark() { # NAME: remember when something happened (seconds since the load began)
  echo "$1 $(rel_now)" >>"$LOAD_OUT/marks"
  say "$1 at +$(tail -n 1 "$LOAD_OUT/marks" | cut -d' ' -f2) s"
}

# lost_writes PORT: acknowledged session PUTs (LOAD_OUT/acked.txt) missing from session_log.
lost_writes() {
  psql_at "$1" -d "$DB" -At <<SQL | tail -n 1
create temp table acked (id uuid primary key);
\copy acked from '$LOAD_OUT/acked.txt'
select count(*) from acked a where not exists (select from session_log s where s.id = a.id);
SQL
}

# sample_readiness: every 0.25 s (plus the requests' time), each replica's /q/health/ready code, to LOAD_OUT/readiness
# ("seconds r1 r2 r3"), until LOAD_OUT/stop exists (READY_PID).
sample_readiness() {
  (
    while [ ! -e "$LOAD_OUT/stop" ]; do
      codes="$(http_code "$(replica_url 1)/q/health/ready" 1) $(http_code "$(replica_url 2)/q/health/ready" 1) $(http_code "$(replica_url 3)/q/health/ready" 1)"
      echo "$(rel_now) $codes" # the time once the three answers are in
      sleep 0.25
    done
  ) >"$LOAD_OUT/readiness" 2>/dev/null &
  READY_PID=$!
}
