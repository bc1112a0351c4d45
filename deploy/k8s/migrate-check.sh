#!/usr/bin/env bash
# Runs the packaged jar (target/quarkus-app, built by ./mvnw package or verify) the two ways the
# manifests run the image, with the environment their containers declare (pod-env.mjs reads it
# from base/migration-job.yaml and base/deployment.yaml; Secret references become local roles):
#
#  1. the migration Job (QUARKUS_INIT_AND_EXIT=true, migration on, Flyway as the owner) on an
#     empty database: exits 0, has migrated, never opened its HTTP port, ran no bootstrap;
#  2. a replica (migration off, Flyway login = the app role): /q/health/started, /ready and /live
#     answer 200 on the HTTP port, health is not on the management port but /q/metrics is, the
#     first-start bootstrap ran; on SIGTERM readiness answers 503 while liveness stays 200, and
#     the process exits 0.
#
# Uses PostgreSQL on 127.0.0.1:5432 as `postgres` (as .ci/run starts it): a database and two
# roles of its own (glide_k8s_check*), dropped at the end. About a minute.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || { echo "migrate-check: $jar is missing: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
cd "$here"
if ! cmp -s package-lock.json node_modules/.glide-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --prefer-offline --loglevel=error
  cp package-lock.json node_modules/.glide-lock
fi

PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
export PGHOST PGPORT PGUSER
db="glide_k8s_check_$$"
owner=glide_k8s_check_owner
app=glide_k8s_check_app
owner_pw="owner-$(openssl rand -hex 12)"
app_pw="app-$(openssl rand -hex 12)"
work="$(mktemp -d)"
pid=

cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
  psql -q -d postgres -c "drop database if exists $db" >/dev/null 2>&1 || true
  psql -q -d postgres -c "drop role if exists $app" -c "drop role if exists $owner" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "migrate-check: FAILED: $*" >&2; [ -f "$work/app.log" ] && tail -n 20 "$work/app.log" >&2; exit 1; }

psql -q -d postgres -c "create database $db" >/dev/null
psql -q -d "$db" -v ON_ERROR_STOP=1 -v owner_role="$owner" -v app_role="$app" -v schema=glide \
  -v owner_password="$owner_pw" -v app_password="$app_pw" -f "$root/scripts/create-roles.sql" >/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http_port="$(free_port)"
mgmt_port="$(free_port)"

# The container's env from the manifest, Secret references mapped to the local roles, plus what
# the ConfigMap would give (the database and key files here) and the local ports.
pod_env() { # KIND NAME
  local line name value
  ENV=(
    "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db?currentSchema=glide"
    "GLIDE_JWT_PRIVATE_KEY_LOCATION=$work/private.pem"
    "GLIDE_JWT_PUBLIC_KEY_LOCATION=$work/public.pem"
    "GLIDE_SHUTDOWN_PRE_STOP_DELAY=2s"
    "QUARKUS_HTTP_PORT=$http_port"
    "QUARKUS_MANAGEMENT_PORT=$mgmt_port"
  )
  while IFS= read -r line; do
    name="${line%%=*}"
    value="${line#*=}"
    case "$value" in
      @secret/glide-db-owner/username) value="$owner" ;;
      @secret/glide-db-owner/password) value="$owner_pw" ;;
      @secret/glide-db-app/username) value="$app" ;;
      @secret/glide-db-app/password) value="$app_pw" ;;
      @secret/glide-media/*) value="migrate-check-not-used" ;;
      @secret/glide-bootstrap/clinic-name) value="Migrate Check Clinic" ;;
      @secret/glide-bootstrap/admin-email) value="admin@migrate-check.glide.example" ;;
      @secret/glide-bootstrap/admin-password) value="migrate-check-$(openssl rand -hex 16)" ;;
      @secret/*) fail "$1/$2 refers to $value, which this check does not know" ;;
    esac
    ENV+=("$name=$value")
  done < <(node pod-env.mjs "base/$3" "$1" "$2")
}
sql() { psql -q -At -d "$db" -c "$1"; }
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" || true; }

echo "--- the migration Job, on an empty database"
pod_env Job glide-migrate migration-job.yaml
printf '  %s\n' "${ENV[@]}" | grep -v -i 'password\|private' || true
t0=$(date +%s)
rc=0
(cd "$root" && exec env -i PATH="$PATH" HOME="$HOME" "${ENV[@]}" timeout 180 java -Xmx128m -jar "$jar") >"$work/app.log" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || fail "the Job exited $rc"
grep -q 'Listening on' "$work/app.log" && fail "the Job opened its HTTP port"
echo "  exit 0 after $(( $(date +%s) - t0 )) s, HTTP never started"
migrations="$(sql "select count(*) from glide.flyway_schema_history where success")" \
  || fail "the Job migrated nothing (no flyway_schema_history)"
failed="$(sql "select count(*) from glide.flyway_schema_history where not success")"
[ "$migrations" -gt 0 ] && [ "$failed" -eq 0 ] || fail "flyway_schema_history: $migrations applied, $failed failed"
[ "$(sql 'select count(*) from glide.clinic')" -eq 0 ] || fail "the Job ran the first-start bootstrap"
echo "  $migrations migrations applied, none failed, no bootstrap"

echo "--- a replica (migration off, Flyway login = the app role)"
pod_env Deployment glide-api deployment.yaml
printf '  %s\n' "${ENV[@]}" | grep -v -i 'password\|private' || true
(cd "$root" && exec env -i PATH="$PATH" HOME="$HOME" "${ENV[@]}" java -Xmx128m -jar "$jar") >"$work/app.log" 2>&1 &
pid=$!
t0=$(date +%s)
until [ "$(code "http://127.0.0.1:$http_port/q/health/started")" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || fail "the replica exited before it started"
  [ $(( $(date +%s) - t0 )) -lt 180 ] || fail "/q/health/started not 200 within 180 s"
  sleep 0.5
done
echo "  /q/health/started 200 after $(( $(date +%s) - t0 )) s"
for p in ready live; do
  [ "$(code "http://127.0.0.1:$http_port/q/health/$p")" = 200 ] || fail "/q/health/$p is not 200"
done
[ "$(code "http://127.0.0.1:$mgmt_port/q/health/ready")" = 404 ] || fail "health answers on the management port"
[ "$(code "http://127.0.0.1:$mgmt_port/q/metrics")" = 200 ] || fail "/q/metrics is not 200 on the management port"
[ "$(code "http://127.0.0.1:$http_port/q/metrics")" = 404 ] || fail "/q/metrics answers on the HTTP port"
echo "  ready 200, live 200 on $http_port; management port: health 404, metrics 200"
[ "$(sql "select count(*) from glide.clinic where name = 'Migrate Check Clinic'")" -eq 1 ] \
  || fail "the replica did not run the first-start bootstrap"
echo "  first-start bootstrap created the clinic"

t0=$(date +%s%N)
kill -TERM "$pid"
sleep 0.5
ready="$(code "http://127.0.0.1:$http_port/q/health/ready")"
live="$(code "http://127.0.0.1:$http_port/q/health/live")"
[ "$ready" = 503 ] && [ "$live" = 200 ] || fail "0.5 s after SIGTERM: ready $ready (want 503), live $live (want 200)"
rc=0
wait "$pid" || rc=$?
pid=
[ "$rc" -eq 0 ] || fail "the replica exited $rc after SIGTERM"
echo "  SIGTERM: ready 503 and live 200 after 0.5 s; exit 0 after $(( ($(date +%s%N) - t0) / 1000000 )) ms (pre-stop delay 2 s here)"
echo "migrate-check: the Job's and the replicas' settings work with the packaged jar"
