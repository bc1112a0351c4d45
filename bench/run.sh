#!/usr/bin/env bash
# Glide benchmark: one command, about 20 minutes on a 2-core machine (15 to 30: runs repeat
# until they agree). See docs/benchmarks.md.
#
#   bench/run.sh                      full run: 10,000 patients, 1,000,000 sessions
#   SKIP_BUILD=1 bench/run.sh         reuse target/quarkus-app
#   PATIENTS=2000 SESSIONS=200000 bench/run.sh
#
# Builds the jar (and the bare app, bench/startup-bare), starts it (prod profile, -Xmx128m)
# against a fresh database on the local PostgreSQL, loads the dataset with SQL, measures the
# endpoints with wrk, the HTTP ceilings (wrk on /q/health/live, and per endpoint on the bare
# app answering the response captured from Glide for it: same size, same headers, no auth, no
# database) and the SQL ceiling of each endpoint (pgbench running the statements one request
# issues, captured from the PostgreSQL log), and writes the results into docs/benchmarks.md.
# Each wrk measurement repeats until its last three runs agree (measure in bench/lib.sh).
# Intermediate output: bench/results/ (git-ignored).
# Exits non-zero when an endpoint answered with errors or a step could not be measured.
set -euo pipefail

export THERAPISTS=${THERAPISTS:-100}
export PATIENTS=${PATIENTS:-10000}
export SESSIONS=${SESSIONS:-1000000}
# The caseload is measured twice: after SESSIONS_SMALL sessions, and again after SESSIONS.
export SESSIONS_SMALL=${SESSIONS_SMALL:-$((SESSIONS / 10))}
export PATIENT_TOKENS=${PATIENT_TOKENS:-32}
export CONNECTIONS=${CONNECTIONS:-16}
export DURATION=${DURATION:-12}
export WARMUP=${WARMUP:-10}
export WARMUP_FIRST=${WARMUP_FIRST:-$((WARMUP * 2))}
# Measured runs repeat until the last three agree within SETTLE_TOLERANCE (max/min), at most MAX_RUNS.
export MAX_RUNS=${MAX_RUNS:-8}
export SETTLE_TOLERANCE=${SETTLE_TOLERANCE:-0.10}
export PG_CLIENTS=${PG_CLIENTS:-16}
export PG_SECONDS=${PG_SECONDS:-10}
export DB=${DB:-glide_bench}
export PORT=${PORT:-8081}
export BARE_PORT=${BARE_PORT:-$((PORT + 1))}
BENCH_HOME=$(cd "$(dirname "$0")" && pwd)
export RESULTS=${RESULTS:-$BENCH_HOME/results}
DOCS=${DOCS:-$(cd "$BENCH_HOME/.." && pwd)/docs/benchmarks.md}
KEEP_DB=${KEEP_DB:-1}

# shellcheck source=bench/lib.sh
source "$BENCH_HOME/lib.sh"

cleanup() {
  local rc=$?
  stop_bare
  stop_app
  pg_admin -c "alter database $DB reset log_min_duration_statement" >/dev/null 2>&1 || true
  if [ "$KEEP_DB" != 1 ]; then drop_db; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

T_START=$(now_ms)
prepare_run
build_bare
snapshot_app "$BENCH_DIR/startup-bare/target/quarkus-app" bare

# 1. Cold start: Flyway migrates the empty database, bootstrap creates the clinic + admin.
#    This first instance also serves the SQL capture (step 4): the database logs every
#    statement of connections opened while log_min_duration_statement = 0 is set on it, so
#    it is set now and reset before the measured instance starts (whose connections then
#    log nothing).
set_db_logging on
start_app cold
STARTUP_COLD_MS=$STARTUP_MS

# 2. Dataset, first size.
say "loading $THERAPISTS therapists, $PATIENTS patients with plans"
t=$(now_ms)
load_people
say "loading $SESSIONS_SMALL sessions"
add_sessions "$SESSIONS_SMALL"
LOAD_SMALL_MS=$(( $(now_ms) - t ))
ROWS_SMALL=$(pg -At -c "select count(*) from session_log")
say "dataset loaded in $((LOAD_SMALL_MS / 1000)) s ($ROWS_SMALL sessions)"

# 3. Tokens through the API.
login_therapist
enrol_patients "$PATIENT_TOKENS"
CASELOAD_SIZE=$(pg -At -c "select count(*) from care_team_member where therapist_id = md5('bench-therapist-1')::uuid")

# 4. The SQL of one request per endpoint, from the PostgreSQL log.
capture_sql
stop_app
set_db_logging off
# The caseload's SQL ceiling at this size (the second size comes with the others in step 8).
pgbench_run caseload caseload_small

# 5. The measured instance; the caseload at the first size.
start_app measured
STARTUP_WARM_MS=$STARTUP_MS
# The fixed-body app beside it (idle but for its own runs).
start_bare
# (a longer warm-up: this is the first load the fresh JVM sees, and it takes about 20 s of
# load to reach its steady state; the second caseload run comes after a minute of load)
WARMUP_SAVED=$WARMUP
MAX_RUNS_SAVED=$MAX_RUNS
WARMUP=$WARMUP_FIRST
measure caseload_small therapist_get "/v1/caseload?limit=100" 200
WARMUP=$WARMUP_SAVED

# 6. Dataset, full size (the application keeps running, as in production).
say "loading $((SESSIONS - SESSIONS_SMALL)) more sessions"
t=$(now_ms)
add_sessions "$((SESSIONS - SESSIONS_SMALL))"
LOAD_LARGE_MS=$(( $(now_ms) - t ))
ROWS_LARGE=$(pg -At -c "select count(*) from session_log")
say "sessions loaded in $((LOAD_LARGE_MS / 1000)) s ($ROWS_LARGE sessions)"

# 7. The endpoints and the HTTP ceilings: /q/health/live, and each endpoint's fixed body
#    right after the endpoint (its responses captured then, from the same data; the bare app's
#    first run with the longer warm-up: its JVM is fresh).
measure health_live plain /q/health/live 200
measure plan_200 patient_get /v1/me/plan 200
WARMUP=$WARMUP_FIRST
measure_fixed plan_200 patient_get "" 200
WARMUP=$WARMUP_SAVED
refresh_etags # the captured session may have changed the plan since the clients enrolled
measure plan_304 patient_etag /v1/me/plan 304
measure_fixed plan_304 patient_etag "" 304
measure today patient_get /v1/me/today 200
measure_fixed today patient_get "" 200
measure progress patient_get /v1/me/progress 200
measure_fixed progress patient_get "" 200
HISTORY_BEFORE=$(enrolled_history)
measure put_session put_session /v1/me/sessions 201
HISTORY_AFTER_WRK=$(enrolled_history)
measure_fixed put_session put_session "" 201
measure caseload therapist_get "/v1/caseload?limit=100" 200
measure_fixed caseload therapist_get "?limit=100" 200
# The plan at about half of its maximum throughput: each connection pauses between
# requests for its share of the interval at half the rate, less the latency at that rate
# (taken from a short calibration run that pauses the whole interval).
HALF_INTERVAL_MS=$(python3 -c "print(1000 * $CONNECTIONS / ($(j plan_200 .rps) / 2))")
wrk_run warmup-plan_200_half patient_get /v1/me/plan "$(( DURATION / 4 > 2 ? DURATION / 4 : 2 ))" "$CONNECTIONS" \
  BENCH_DELAY_MS="$(python3 -c "print(max(1, round($HALF_INTERVAL_MS)))")"
HALF_DELAY_MS=$(python3 -c "print(max(1, round($HALF_INTERVAL_MS - $(j warmup-plan_200_half .p50_ms))))")
WARMUP=0 MAX_RUNS=1
measure plan_200_half patient_get /v1/me/plan 200 BENCH_DELAY_MS="$HALF_DELAY_MS"
WARMUP=$WARMUP_SAVED MAX_RUNS=$MAX_RUNS_SAVED
RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
say "RSS after the load: $((RSS_KB / 1024)) MB"

# 8. SQL ceilings (pgbench, the captured statements, on the full dataset).
for e in plan_200 plan_304 today progress put_session caseload; do pgbench_run "$e"; done
HISTORY_AFTER=$(enrolled_history)

# wrk ends a run by closing its connections, also those with a request in flight; the
# application may log those requests (HttpClosedException). Counted, but not an error of
# the application under load.
APP_CLIENT_CLOSED=$(cat "$RESULTS"/app-*.log | grep '"level":"ERROR"' | grep -c 'Connection was closed' || true)
APP_ERRORS=$(cat "$RESULTS"/app-*.log | grep '"level":"ERROR"' | grep -vc 'Connection was closed' || true)
APP_OOM=$(cat "$RESULTS"/app-*.log | grep -c 'OutOfMemoryError' || true)
BARE_ERRORS=$(grep -c 'ERROR' "$RESULTS/bare.log" || true)
stop_bare
stop_app
[ "$BARE_ERRORS" -eq 0 ] || fail "$BARE_ERRORS ERROR lines in the bare app's log ($RESULTS/bare.log)"
[ "$APP_OOM" -eq 0 ] || fail "OutOfMemoryError in the application log"
[ "$APP_ERRORS" -eq 0 ] || fail "$APP_ERRORS ERROR lines in the application logs ($RESULTS/app-*.log)"

# 9. Results.
T_TOTAL_S=$(( ($(now_ms) - T_START) / 1000 ))
{
  printf '{'
  printf '"date":"%s",' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '"commit":"%s",' "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$( [ -z "$(git -C "$ROOT" status --porcelain -- src pom.xml 2>/dev/null)" ] || echo ' + uncommitted changes')"
  printf '"nproc":%s,' "$(nproc)"
  printf '"cpu":%s,' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' | jq -R .)"
  printf '"free_g":%s,' "$(free -g | jq -Rs .)"
  printf '"java":%s,' "$(java -version 2>&1 | head -n 1 | jq -R .)"
  printf '"postgres":%s,' "$(pg -At -c 'select version()' | jq -R .)"
  printf '"wrk":%s,' "$(wrk -v 2>&1 | head -n 1 | jq -R .)"
  printf '"therapists":%s,"patients":%s,"sessions_small":%s,"sessions_large":%s,' "$THERAPISTS" "$PATIENTS" "$ROWS_SMALL" "$ROWS_LARGE"
  printf '"caseload_size":%s,"patient_tokens":%s,"connections":%s,"duration":%s,"warmup":%s,"warmup_first":%s,' "$CASELOAD_SIZE" "$PATIENT_TOKENS" "$CONNECTIONS" "$DURATION" "$WARMUP" "$WARMUP_FIRST"
  printf '"max_runs":%s,"settle_tolerance":%s,"fixed_sizes":%s,' "$MAX_RUNS" "$SETTLE_TOLERANCE" "$(jq -c . "$RESULTS/fixed/sizes.json" 2>/dev/null || echo '{}')"
  printf '"pg_clients":%s,"pg_seconds":%s,' "$PG_CLIENTS" "$PG_SECONDS"
  printf '"load_small_ms":%s,"load_large_ms":%s,' "$LOAD_SMALL_MS" "$LOAD_LARGE_MS"
  printf '"startup_cold_ms":%s,"startup_warm_ms":%s,"rss_kb":%s,' "$STARTUP_COLD_MS" "$STARTUP_WARM_MS" "$RSS_KB"
  printf '"app_errors":%s,"app_client_closed":%s,"app_oom":%s,"half_delay_ms":%s,"total_s":%s,' "$APP_ERRORS" "$APP_CLIENT_CLOSED" "$APP_OOM" "$HALF_DELAY_MS" "$T_TOTAL_S"
  printf '"history":[%s,%s,%s],' "$HISTORY_BEFORE" "$HISTORY_AFTER_WRK" "$HISTORY_AFTER"
  printf '"capture":%s,' "$(printf '%s\n' "${CAPTURE_STATUS[@]}" | jq -R 'split("=") | {(.[0]): .[1]}' | jq -sc add)"
  printf '"failures":%s' "$(printf '%s\n' "${FAILURES[@]+"${FAILURES[@]}"}" | jq -R 'select(length > 0)' | jq -sc .)"
  printf '}\n'
} >"$RESULTS/meta.json"
python3 "$BENCH_DIR/report.py" "$RESULTS" "$DOCS"
say "results written to ${DOCS#"$ROOT"/} (run took ${T_TOTAL_S} s)"
if [ ${#FAILURES[@]} -gt 0 ]; then
  printf '  - %s\n' "${FAILURES[@]}" >&2
  die "${#FAILURES[@]} problem(s); the results above include them"
fi
