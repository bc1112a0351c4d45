# Shared by bench/run.sh and bench/smoke.sh (sourced; does nothing by itself).
# Settings (environment, with defaults set by the caller before sourcing):
#   RESULTS  output directory           DB    benchmark database      PORT  HTTP port
#   THERAPISTS, PATIENTS, SESSIONS, PATIENT_TOKENS, CONNECTIONS, DURATION, WARMUP
#   MAX_RUNS, SETTLE_TOLERANCE (measure)   BARE_PORT  port of the fixed-body app (PORT + 1)

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
BASE=http://localhost:$PORT
export PGOPTIONS="-c client_min_messages=warning"
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
THERAPIST_PASSWORD=bench-therapist-password
ADMIN_EMAIL=admin@bench.glide.example
ADMIN_PASSWORD=bench-admin-password
TZ_NAME=Europe/Berlin
APP_PID=
APP_LOG=
APP_JAR=$RESULTS/app/quarkus-run.jar
# The fixed-body HTTP ceiling: bench/startup-bare (a bare Quarkus REST app) answering the
# responses captured from Glide (capture_responses) under /fixed/<endpoint>.
BARE_PORT=${BARE_PORT:-$((PORT + 1))}
BARE_BASE=http://localhost:$BARE_PORT
BARE_SRC=$BENCH_DIR/startup-bare
BARE_JAR=$RESULTS/bare/quarkus-run.jar
BARE_PID=
CLINIC_ID=
THERAPIST_TOKEN=
FAILURES=()

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }
fail() { say "ERROR: $*"; FAILURES+=("$*"); }
pg() { "${PSQL[@]}" -d "$DB" "$@"; }
pg_admin() { "${PSQL[@]}" -d postgres "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Record a command exactly as run (for docs/benchmarks.md), then run it.
run_logged() {
  note_cmd "$(printf '%q ' "$@")"
  "$@"
}

# Record a command line for docs/benchmarks.md (paths relative to the repository).
note_cmd() {
  printf '%s\n' "$*" | sed -e 's/ $//' -e "s#$RESULTS#bench/results#g" -e "s#$ROOT/##g" >>"$RESULTS/commands.txt"
}

need_tools() {
  local t missing=()
  if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing wrk (Debian package)"
      apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
    fi
  fi
  for t in java psql pgbench createdb dropdb curl jq openssl python3 wrk; do
    command -v "$t" >/dev/null || missing+=("$t")
  done
  [ ${#missing[@]} -eq 0 ] || die "missing tools: ${missing[*]} (wrk: apt-get install --no-install-recommends wrk)"
}

build_app() {
  if [ "${SKIP_BUILD:-0}" = 1 ]; then
    [ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || die "SKIP_BUILD=1 but target/quarkus-app/quarkus-run.jar is missing"
    say "build skipped (SKIP_BUILD=1)"
    return
  fi
  say "building the jar"
  (cd "$ROOT" && run_logged ./mvnw -B -q package -DskipTests)
}

# build_bare: the bare app's jar (bench/startup-bare), built unless SKIP_BUILD=1; also with
# SKIP_BUILD=1 when the jar is missing or older than its sources. About a minute.
build_bare() {
  local jar=$BARE_SRC/target/quarkus-app/quarkus-run.jar
  if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$jar" ] \
     && [ -z "$(find "$BARE_SRC/pom.xml" "$BARE_SRC/src" -newer "$jar" -type f | head -n 1)" ]; then
    say "bare app build skipped (SKIP_BUILD=1, jar up to date)"
    return
  fi
  say "building the bare app (bench/startup-bare)"
  (cd "$ROOT" && run_logged ./mvnw -B -q -f bench/startup-bare/pom.xml package -DskipTests)
}

# snapshot_app [SRC DEST]: the application runs from a copy of target/quarkus-app (or SRC,
# into $RESULTS/DEST), so that a build running at the same time (another terminal, an IDE)
# cannot swap the jars under the running process.
snapshot_app() {
  local src=${1:-$ROOT/target/quarkus-app} dest=$RESULTS/${2:-app}
  rm -rf "$dest"
  cp -a "$src" "$dest"
  [ -f "$dest/quarkus-run.jar" ] || die "${src#"$ROOT"/} is incomplete"
  note_cmd "cp -a ${src#"$ROOT"/} bench/results/${2:-app}"
}

make_keys() {
  mkdir -p "$RESULTS/keys"
  run_logged openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$RESULTS/keys/private.pem" 2>/dev/null
  run_logged openssl pkey -in "$RESULTS/keys/private.pem" -pubout -out "$RESULTS/keys/public.pem"
}

fresh_db() {
  say "fresh database $DB"
  run_logged dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB"
  run_logged createdb -h 127.0.0.1 -U postgres "$DB"
}

# set_db_logging on|off: log every statement of connections opened from now on.
set_db_logging() {
  if [ "$1" = on ]; then
    run_logged "${PSQL[@]}" -d postgres -c "alter database $DB set log_min_duration_statement = 0"
  else
    run_logged "${PSQL[@]}" -d postgres -c "alter database $DB reset log_min_duration_statement"
  fi
}

drop_db() {
  pg_admin -c "alter database $DB reset log_min_duration_statement" 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$DB" 2>/dev/null || true
}

app_env() {
  APP_ENV=(
    QUARKUS_PROFILE=prod
    QUARKUS_HTTP_PORT="$PORT"
    QUARKUS_MANAGEMENT_PORT="${MANAGEMENT_PORT:-$((PORT + 1000))}"
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$DB"
    QUARKUS_DATASOURCE_USERNAME=postgres
    QUARKUS_DATASOURCE_PASSWORD=postgres
    # The benchmark's throwaway database: the superuser migrates and serves (production separates
    # owner and application roles, docs/security.md; the grants do not change the query plans).
    QUARKUS_FLYWAY_USERNAME=postgres
    QUARKUS_FLYWAY_PASSWORD=postgres
    GLIDE_JWT_PRIVATE_KEY_LOCATION="$RESULTS/keys/private.pem"
    GLIDE_JWT_PUBLIC_KEY_LOCATION="$RESULTS/keys/public.pem"
    GLIDE_JWT_ACCESS_TOKEN_TTL=PT2H
    GLIDE_BOOTSTRAP_CLINIC_NAME="Bench Clinic"
    GLIDE_BOOTSTRAP_ADMIN_EMAIL="$ADMIN_EMAIL"
    GLIDE_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    GLIDE_RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS=100000
    GLIDE_RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS=100000
    GLIDE_RATE_LIMIT_ENROL_FAILURES_PER_ADDRESS=100000
    GLIDE_RATE_LIMIT_ENROL_FAILURES_PER_CODE_AND_ADDRESS=100000
  )
  # More settings of a script's own (bench/compression.sh: the gzip level), NAME=VALUE words.
  if [ -n "${APP_ENV_EXTRA:-}" ]; then
    local extra
    read -r -a extra <<<"$APP_ENV_EXTRA"
    APP_ENV+=("${extra[@]}")
  fi
}

# start_app LABEL: starts the jar, waits for the first 200 of /q/health/ready and sets
# STARTUP_MS (process start to that 200) and APP_PID.
start_app() {
  APP_LOG="$RESULTS/app-$1.log"
  app_env
  start_jvm "app ($1)" APP_PID "$BASE" "$APP_LOG" "$APP_JAR" "${APP_ENV[@]}"
}

# start_bare: the bare app (-Xmx128m, the same java) answering $RESULTS/fixed on BARE_PORT;
# sets BARE_PID (and STARTUP_MS).
start_bare() {
  start_jvm "bare app" BARE_PID "$BARE_BASE" "$RESULTS/bare.log" "$BARE_JAR" \
    QUARKUS_HTTP_PORT="$BARE_PORT" BENCH_FIXED_DIR="$RESULTS/fixed"
}

# start_jvm LABEL PID_VAR BASE_URL LOG JAR [NAME=VALUE ...]: java -Xmx128m -jar JAR with that
# environment; waits for the first 200 of BASE_URL/q/health/ready, sets STARTUP_MS and PID_VAR.
start_jvm() {
  local label=$1 pid_var=$2 base=$3 log=$4 jar=$5 t0 code pid
  shift 5
  if curl -s -o /dev/null --max-time 1 "$base/q/health/live"; then
    die "something already answers on ${base##*:}"
  fi
  note_cmd "$(printf '%q ' env "$@" java -Xmx128m -jar "$jar")" \
    "  # then curl $base/q/health/ready every 20 ms until 200"
  t0=$(now_ms)
  (cd "$ROOT" && exec env "$@" java -Xmx128m -jar "$jar") >"$log" 2>&1 &
  pid=$!
  printf -v "$pid_var" '%s' "$pid"
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/q/health/ready" || true)
    [ "$code" = 200 ] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log" >&2
      printf -v "$pid_var" '%s' ''
      die "the $label exited during startup (log: $log)"
    fi
    [ $(( $(now_ms) - t0 )) -lt 90000 ] || die "not ready after 90 s (log: $log)"
    sleep 0.02
  done
  STARTUP_MS=$(( $(now_ms) - t0 ))
  say "$label ready in ${STARTUP_MS} ms, pid $pid"
}

stop_app() { stop_jvm APP_PID; }
stop_bare() { stop_jvm BARE_PID; }

# stop_jvm PID_VAR: SIGTERM, up to 25 s, then SIGKILL; empties PID_VAR.
stop_jvm() {
  local pid=${!1:-}
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 250); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null || true
  printf -v "$1" '%s' ''
}

# One bcrypt hash ($2a$, cost 10) of the therapists' password: python bcrypt, htpasswd or pgcrypto.
bcrypt_hash() {
  local h=
  if python3 -c 'import bcrypt' 2>/dev/null; then
    h=$(python3 -c 'import bcrypt, sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(10, prefix=b"2a")).decode())' "$1")
  elif command -v htpasswd >/dev/null; then
    h=$(htpasswd -bnBC 10 "" "$1" | tr -d ':\n' | sed 's/^\$2y\$/$2a$/')
  else
    h=$(pg -At -c "create schema bench_tmp" -c "create extension pgcrypto schema bench_tmp" \
          -c "select bench_tmp.crypt('$1', bench_tmp.gen_salt('bf', 10))" -c "drop schema bench_tmp cascade")
  fi
  [[ $h == '$2a$'* ]] || die "could not make a bcrypt hash (install python3-bcrypt, apache2-utils or pgcrypto)"
  echo "$h"
}

# load_people: therapists, patients, care teams, plans and revisions (sql/dataset.sql).
load_people() {
  CLINIC_ID=$(pg -At -c "select id from clinic")
  [ -n "$CLINIC_ID" ] || die "no bootstrapped clinic in $DB"
  local hash
  hash=$(bcrypt_hash "$THERAPIST_PASSWORD")
  run_logged "${PSQL[@]}" -d "$DB" -v clinic_id="$CLINIC_ID" -v therapists="$THERAPISTS" -v patients="$PATIENTS" \
    -v pwhash="$hash" -f "$BENCH_DIR/sql/dataset.sql"
}

# add_sessions N: N more sessions, roll-ups rebuilt, VACUUM ANALYZE.
add_sessions() {
  run_logged "${PSQL[@]}" -d "$DB" -v clinic_id="$CLINIC_ID" -v patients="$PATIENTS" -v sessions="$1" \
    -f "$BENCH_DIR/sql/sessions.sql"
  run_logged "${PSQL[@]}" -d "$DB" -c "vacuum (analyze)"
}

# login_therapist: therapist 1 (primary therapist of patients 1, 1 + THERAPISTS, ...).
login_therapist() {
  local body
  note_cmd "curl -X POST $BASE/v1/auth/login -H 'Content-Type: application/json'" \
    "-d '{\"email\":\"therapist001@bench.glide.example\",\"password\":\"$THERAPIST_PASSWORD\"}'"
  body=$(curl -sf -X POST "$BASE/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"therapist001@bench.glide.example\",\"password\":\"$THERAPIST_PASSWORD\"}") \
    || die "therapist login failed"
  THERAPIST_TOKEN=$(jq -r .accessToken <<<"$body")
}

# enrol_one PATIENT_ID OUT: enrolment code (as the therapist), enrol, GET /v1/me/plan;
# writes a Lua table entry for glide.lua to OUT.
enrol_one() {
  local id=$1 out=$2 code token hdr plan etag
  code=$(curl -sf -X POST "$BASE/v1/patients/$id/enrolment-code" -H "Authorization: Bearer $THERAPIST_TOKEN" \
    | jq -r .code) || { echo "enrolment code for $id failed" >"$out.err"; return 1; }
  token=$(curl -sf -X POST "$BASE/v1/auth/enrol" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$code\",\"deviceName\":\"bench\"}" | jq -r .accessToken) \
    || { echo "enrol of $id failed" >"$out.err"; return 1; }
  hdr=$(mktemp)
  plan=$(curl -sf -D "$hdr" "$BASE/v1/me/plan" -H "Authorization: Bearer $token") \
    || { echo "GET /v1/me/plan for $id failed" >"$out.err"; rm -f "$hdr"; return 1; }
  etag=$(tr -d '\r' <"$hdr" | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
  rm -f "$hdr"
  jq -r --arg token "$token" --arg etag "$etag" --arg patient "$id" '
    "  {patient=\"\($patient)\", token=\"\($token)\", plan=\"\(.id)\", rev=\(.revision), etag=[[\($etag)]], items={"
    + (.items | map("\"" + .id + "\"") | join(",")) + "}},"' <<<"$plan" >"$out"
}

# enrol_patients N: the first N patients of therapist 1 whose plan has 3 revisions (so that
# every captured statement is the same shape for all of them); two at a time.
enrol_patients() {
  local n=$1 dir="$RESULTS/clients" ids id i=0
  rm -rf "$dir"
  mkdir -p "$dir"
  mapfile -t ids < <(pg -At -c "select md5('bench-patient-' || p)::uuid from generate_series(1, $PATIENTS) p
                                  where (p - 1) % $THERAPISTS = 0 and p % 3 = 1 order by p limit $n")
  [ ${#ids[@]} -eq "$n" ] || die "only ${#ids[@]} patients fit PATIENT_TOKENS=$n"
  local pids=()
  note_cmd "# for $n patients of therapist 1, two at a time:" \
    "curl -X POST $BASE/v1/patients/<id>/enrolment-code -H 'Authorization: Bearer <therapist token>';" \
    "curl -X POST $BASE/v1/auth/enrol -H 'Content-Type: application/json' -d '{\"code\":\"<code>\",\"deviceName\":\"bench\"}';" \
    "curl -D - $BASE/v1/me/plan -H 'Authorization: Bearer <patient token>'"
  for id in "${ids[@]}"; do
    i=$((i + 1))
    enrol_one "$id" "$dir/$(printf %03d $i).lua" &
    pids+=($!)
    if (( i % 2 == 0 )); then wait "${pids[@]}" || true; pids=(); fi
  done
  [ ${#pids[@]} -eq 0 ] || wait "${pids[@]}" || true
  if ls "$dir"/*.err >/dev/null 2>&1; then
    cat "$dir"/*.err >&2
    die "enrolment failed"
  fi
  { echo "return {"; cat "$dir"/[0-9]*.lua; echo "}"; } >"$RESULTS/clients.lua"
  PATIENT_IDS=("${ids[@]}")
  say "therapist logged in, ${#ids[@]} patients enrolled"
}

# refresh_etags: every enrolled client's plan ETag as it is now. A session a step logged
# (the capture's warm-up, the PUT runs) can change the plan: holding an item's scheduled
# progression while a pain signal stands is a new revision, so the ETag taken at enrolment
# would no longer give 304.
refresh_etags() {
  local tmp line token etag
  tmp=$(mktemp)
  while IFS= read -r line; do
    if [[ $line == *token=* ]]; then
      token=${line#*token=\"}; token=${token%%\"*}
      etag=$(curl -sf -o /dev/null -D - "$BASE/v1/me/plan" -H "Authorization: Bearer $token" \
        | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p') || die "GET /v1/me/plan failed while refreshing ETags"
      line="${line%%etag=\[\[*}etag=[[$etag]]${line#*]]}"
    fi
    printf '%s\n' "$line"
  done <"$RESULTS/clients.lua" >"$tmp"
  mv "$tmp" "$RESULTS/clients.lua"
}

# Average number of sessions of the enrolled patients (the PUT runs add to their history).
enrolled_history() {
  local ids
  ids=$(grep -o 'patient="[^"]*"' "$RESULTS/clients.lua" | sed "s/patient=\"\(.*\)\"/'\1'/" | paste -sd,)
  pg -At -c "select round(count(*)::numeric / $PATIENT_TOKENS) from session_log where patient_id in ($ids)"
}

# wrk_run NAME MODE PATH SECONDS CONNECTIONS [VAR=VALUE ...]: runs wrk with glide.lua and
# leaves NAME.txt (wrk output) and NAME.json (the RESULT line) in $RESULTS/wrk. Against
# $WRK_BASE when set (the fixed-body app), else $BASE.
wrk_run() {
  local name=$1 mode=$2 path=$3 secs=$4 conns=$5
  shift 5
  mkdir -p "$RESULTS/wrk"
  local out="$RESULTS/wrk/$name.txt"
  local cmd=(wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/lua/glide.lua "${WRK_BASE:-$BASE}$path")
  local envs=(BENCH_MODE="$mode" BENCH_PATH="$path" BENCH_CLIENTS="$RESULTS/clients.lua"
    BENCH_NOW="$(date +%s)" BENCH_OFFSET="$(tz_offset)" BENCH_NONCE="$RANDOM$RANDOM" "$@")
  if [ "$mode" = therapist_get ]; then envs+=(BENCH_TOKEN="$THERAPIST_TOKEN"); fi
  note_cmd "$(printf '%q ' env "${envs[@]}" "${cmd[@]}" | sed -e 's/BENCH_TOKEN=[^ ]*/BENCH_TOKEN=<therapist token>/' \
    -e 's/BENCH_NOW=[0-9]*/BENCH_NOW=$(date +%s)/' -e 's/BENCH_NONCE=[0-9]*/BENCH_NONCE=$RANDOM/')"
  (cd "$ROOT" && env "${envs[@]}" "${cmd[@]}") >"$out" 2>&1 || { cat "$out" >&2; die "wrk $name failed"; }
  sed -n 's/^RESULT //p' "$out" >"$RESULTS/wrk/$name.json"
  [ -s "$RESULTS/wrk/$name.json" ] || { cat "$out" >&2; die "wrk $name printed no result"; }
}

# The patients' current UTC offset in seconds (Europe/Berlin: 3600 or 7200).
tz_offset() {
  local z
  z=$(TZ=$TZ_NAME date +%z)
  echo $(( (10#${z:1:2} * 3600 + 10#${z:3:2} * 60) * (${z:0:1}1) ))
}

# check_run NAME EXPECTED_STATUS: every response must have that status, no socket errors.
check_run() {
  local name=$1 expected=$2 f="$RESULTS/wrk/$1.json" total good sock
  total=$(jq '[.statuses[]] | add // 0' "$f")
  good=$(jq --arg s "$expected" '.statuses[$s] // 0' "$f")
  sock=$(jq '.errors.connect + .errors.read + .errors.write + .errors.timeout' "$f")
  if [ "$total" -eq 0 ] || [ "$good" -ne "$total" ] || [ "$sock" -ne 0 ]; then
    fail "$name: $((total - good)) of $total responses were not $expected, $sock socket errors/timeouts: $(jq -c '{statuses, errors}' "$f")"
    return 1
  fi
}

j() { jq -r "$2" "$RESULTS/wrk/$1.json"; }

# measure NAME MODE PATH EXPECTED [VAR=VALUE ...]: warm-up (WARMUP seconds), then measured
# runs of DURATION seconds (each after a checkpoint, each checked) until the last three agree
# (max/min <= 1 + SETTLE_TOLERANCE) or MAX_RUNS runs were made. Leaves NAME-<i>.json for
# each run and NAME.json: the run with the median req/s of the last three (its latencies and
# bytes), plus runs (req/s of every run), last (of the last three), rps_min, rps_max,
# settled (true/false; null with fewer than three runs), and the statuses and errors of all
# the measured runs together. MAX_RUNS=1 is one run (the half-rate p99 run).
measure() {
  local name=$1 mode=$2 path=$3 expected=$4 i state=
  shift 4
  if [ "$WARMUP" -gt 0 ]; then
    wrk_run "warmup-$name" "$mode" "$path" "$WARMUP" "$CONNECTIONS" "$@"
  fi
  for ((i = 1; i <= MAX_RUNS; i++)); do
    run_logged "${PSQL[@]}" -d "$DB" -c checkpoint
    wrk_run "$name-$i" "$mode" "$path" "$DURATION" "$CONNECTIONS" "$@"
    check_run "$name-$i" "$expected" || true
    say "$(printf '%-22s %9.0f req/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  %s' "$name ($i)" \
      "$(j "$name-$i" .rps)" "$(j "$name-$i" .p50_ms)" "$(j "$name-$i" .p95_ms)" "$(j "$name-$i" .p99_ms)" \
      "$(j "$name-$i" '.statuses | tostring')")"
    state=$(settle "$name" "$i")
    [ "$state" != settled ] || break
  done
  if [ "$(j "$name" '.runs | length')" -ge 3 ]; then
    say "$(printf '%-22s %9.0f req/s  median of the last 3 (%.0f-%.0f), %s after %d run(s)' "$name" \
      "$(j "$name" .rps)" "$(j "$name" .rps_min)" "$(j "$name" .rps_max)" \
      "$([ "$state" = settled ] && echo settled || echo 'did NOT settle')" "$(j "$name" '.runs | length')")"
  fi
}

# settle NAME N: writes wrk/NAME.json from NAME-1 .. NAME-N (see measure); prints "settled"
# when the last three agree within SETTLE_TOLERANCE.
settle() {
  python3 - "$RESULTS/wrk" "$1" "$2" "$SETTLE_TOLERANCE" <<'PY'
import json, sys
d, name, n, tol = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
runs = [json.load(open(f"{d}/{name}-{i}.json")) for i in range(1, n + 1)]
last = runs[-3:]
med = sorted(last, key=lambda r: r["rps"])[(len(last) - 1) // 2]
lo, hi = min(r["rps"] for r in last), max(r["rps"] for r in last)
settled = None if len(last) < 3 else (lo > 0 and hi / lo <= 1 + tol)
out = dict(med)
out.update(runs=[r["rps"] for r in runs], last=[r["rps"] for r in last], rps_min=lo, rps_max=hi,
           settled=settled, settle_tolerance=tol, statuses={}, errors={})
for r in runs:
    for k, v in r["statuses"].items():
        out["statuses"][k] = out["statuses"].get(k, 0) + v
    for k, v in r["errors"].items():
        out["errors"][k] = out["errors"].get(k, 0) + v
json.dump(out, open(f"{d}/{name}.json", "w"))
print("settled" if settled else "open")
PY
}

# measure_fixed ENDPOINT MODE PATH EXPECTED [VAR=VALUE ...]: the fixed-body HTTP ceiling of an
# endpoint, right after the endpoint's own runs: its responses captured (capture_responses),
# then measured as fixed_ENDPOINT: the same wrk mode, request headers and connections
# against the bare app's /fixed/ENDPOINT (PATH: what follows it, e.g. "?limit=100"), which
# answers those responses (read on its first request for that name). Then compares the bytes
# per response wrk read from both (an error when they differ by more than 5 %).
measure_fixed() {
  local name=$1 mode=$2 path=$3 expected=$4
  shift 4
  capture_responses "$name" "$expected" || return 0
  WRK_BASE=$BARE_BASE measure "fixed_$name" "$mode" "/fixed/$name$path" "$expected" "$@"
  local sizes
  sizes=$(jq -rn --slurpfile e "$RESULTS/wrk/$name.json" --slurpfile f "$RESULTS/wrk/fixed_$name.json" \
    '[$e[0].bytes / $e[0].requests, $f[0].bytes / $f[0].requests] | map(. * 10 | round / 10) | join(" ")')
  local e=${sizes% *} f=${sizes#* }
  say "$(printf '%-22s bytes per response: %s (endpoint), %s (fixed body), %s (captured)' "$name" "$e" "$f" \
    "$(jq -r --arg n "$name" '.[$n]' "$RESULTS/fixed/sizes.json")")"
  python3 -c "import sys; e, f = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if e > 0 and abs(f / e - 1) <= 0.05 else 1)" "$e" "$f" \
    || fail "$name: the fixed body's responses ($f bytes each) differ from the endpoint's ($e bytes) by more than 5 %"
}

# --- SQL capture and pgbench -------------------------------------------------------------

pg_log_file() {
  local f
  if [ -n "${PG_LOG:-}" ]; then echo "$PG_LOG"; return; fi
  f=$(pg -At -c "select pg_current_logfile()" 2>/dev/null || true)
  if [ -n "$f" ]; then
    [[ $f == /* ]] || f="$(pg -At -c 'show data_directory')/$f"
    echo "$f"
    return
  fi
  ls -t /var/log/postgresql/postgresql-*.log 2>/dev/null | head -n 1 || true
}

mark() { pg -c "select 'glide-bench-mark', '$1'" >/dev/null; }

# session_body CLIENT_LINE: the JSON of a session PUT (as glide.lua sends it) for one line
# of clients.lua: its plan, revision and items, 2 hours ago for 20 minutes.
session_body() {
  local c=$1 plan rev items now started ended
  plan=${c#*plan=\"}; plan=${plan%%\"*}
  rev=${c#*rev=}; rev=${rev%%,*}
  items=$(sed 's/.*items={\(.*\)}},$/\1/' <<<"$c" | tr -d '"' | tr ',' '\n' \
    | jq -R '{itemId: ., status: "DONE"}' | jq -sc .)
  now=$(date +%s)
  started=$(TZ=$TZ_NAME date -d "@$((now - 7200))" +%Y-%m-%dT%H:%M:%S%:z)
  ended=$(TZ=$TZ_NAME date -d "@$((now - 6000))" +%Y-%m-%dT%H:%M:%S%:z)
  echo "{\"planId\":\"$plan\",\"planRevision\":$rev,\"startedAt\":\"$started\",\"endedAt\":\"$ended\",\"painBefore\":3,\"painPeak\":4,\"painAfter\":2,\"difficulty\":5,\"symptomExtent\":\"THIGH\",\"items\":$items,\"note\":\"ok\"}"
}

# capture_sql: one request of each endpoint against an app started while the database
# logs every statement; writes $RESULTS/sql/<endpoint>.log and .template.sql.
capture_sql() {
  local log offset c etag plan sid
  log=$(pg_log_file)
  [ -r "$log" ] || die "cannot read the PostgreSQL log ($log); set PG_LOG"
  c=$(sed -n 2p "$RESULTS/clients.lua")
  local token=${c#*token=\"}; token=${token%%\"*}
  plan=${c#*plan=\"}; plan=${plan%%\"*}
  etag=${c#*etag=[[}; etag=${etag%%]]*}
  local body
  body=$(session_body "$c")
  local auth=(-H "Authorization: Bearer $token") tauth=(-H "Authorization: Bearer $THERAPIST_TOKEN")
  # Warm the application first (caches, lazy initialisation), unmarked.
  local k
  for k in 1 2 3; do
    curl -s -o /dev/null "${auth[@]}" "$BASE/v1/me/plan"
    curl -s -o /dev/null "${auth[@]}" -H "If-None-Match: $etag" "$BASE/v1/me/plan"
    curl -s -o /dev/null "${auth[@]}" "$BASE/v1/me/today"
    curl -s -o /dev/null "${auth[@]}" "$BASE/v1/me/progress"
    curl -s -o /dev/null "${auth[@]}" -X PUT -H 'Content-Type: application/json' -d "$body" \
      "$BASE/v1/me/sessions/$(cat /proc/sys/kernel/random/uuid)"
    curl -s -o /dev/null "${tauth[@]}" "$BASE/v1/caseload?limit=100"
  done
  # The warm-up sessions may have changed the plan (a held progression): take its ETag now.
  refresh_etags
  c=$(sed -n 2p "$RESULTS/clients.lua")
  etag=${c#*etag=[[}; etag=${etag%%]]*}
  sleep 0.5
  offset=$(stat -c %s "$log")
  sid=$(cat /proc/sys/kernel/random/uuid)
  mkdir -p "$RESULTS/sql"
  CAPTURE_STATUS=()
  capture_one() { # name curl-args...
    local name=$1 s
    shift
    mark "$name"
    s=$(curl -s -o "$RESULTS/sql/$name.response" -w '%{http_code}' "$@" || true)
    CAPTURE_STATUS+=("$name=$s")
    sleep 0.3
  }
  capture_one plan_200 "${auth[@]}" "$BASE/v1/me/plan"
  capture_one plan_304 "${auth[@]}" -H "If-None-Match: $etag" "$BASE/v1/me/plan"
  capture_one today "${auth[@]}" "$BASE/v1/me/today"
  capture_one progress "${auth[@]}" "$BASE/v1/me/progress"
  capture_one put_session "${auth[@]}" -X PUT -H 'Content-Type: application/json' -d "$body" "$BASE/v1/me/sessions/$sid"
  capture_one caseload "${tauth[@]}" "$BASE/v1/caseload?limit=100"
  mark end
  sleep 0.5
  say "captured one request each: ${CAPTURE_STATUS[*]}"
  local patient=${c#*patient=\"}; patient=${patient%%\"*}
  note_cmd "# one request per endpoint, each after psql -c \"select 'glide-bench-mark', '<endpoint>'\" (see bench/lib.sh capture_sql), then:" \
    "python3 bench/capture_sql.py $log $offset $DB bench/results/sql --expr session_id=<id>=<expr> --var patient_id=<id> ..."
  python3 "$BENCH_DIR/capture_sql.py" "$log" "$offset" "$DB" "$RESULTS/sql" \
    --expr "session_id=$sid=cast('b0000000-0000-4000-8000-' || cast(:session_n as text) as uuid)" \
    --var "patient_id=$patient" --var "plan_id=$plan" --var "clinic_id=$CLINIC_ID" \
    --var "therapist_id=$(pg -At -c "select md5('bench-therapist-1')::uuid")" >"$RESULTS/sql/summary.json"
  say "statements per request: $(cat "$RESULTS/sql/summary.json")"
}

# capture_responses ENDPOINT EXPECTED: the full responses (status line, headers, body) of one endpoint
# for its fixed-body ceiling (start_bare, measure_fixed), taken right after the endpoint's runs
# (so from the same data: the history grows with the load, and a session can make a new plan
# revision): one per enrolled patient (the therapist's caseload once), with the request
# headers wrk sends (glide.lua: Authorization, If-None-Match for the 304, the session body and
# Content-Type for the PUT, BENCH_HEADER if set; curl's User-Agent and Accept removed), into
# $RESULTS/fixed/ENDPOINT/<n>.head and .body; the average bytes of a response (headers and
# body) into fixed/sizes.json. An error (and status 1) when a response is not EXPECTED.
capture_responses() {
  local name=$1 expected=$2 dir=$RESULTS/fixed/$1 line token etag n=0 f s
  local curl=(curl -s -H 'User-Agent:' -H 'Accept:')
  [ -z "${BENCH_HEADER:-}" ] || curl+=(-H "$BENCH_HEADER")
  rm -rf "$dir"
  mkdir -p "$dir"
  note_cmd "# the responses the fixed-body app answers for $name, one per enrolled patient (see bench/lib.sh capture_responses):" \
    "curl -s -D bench/results/fixed/$name/<n>.head -o bench/results/fixed/$name/<n>.body -H 'User-Agent:' -H 'Accept:' <the request wrk sends>"
  while IFS= read -r line; do
    n=$((n + 1))
    f=$dir/$(printf %03d $n)
    token=${line#*token=\"}; token=${token%%\"*}
    etag=${line#*etag=[[}; etag=${etag%%]]*}
    local req=(-H "Authorization: Bearer $token")
    case $name in
      plan_200) req+=("$BASE/v1/me/plan") ;;
      plan_304) req+=(-H "If-None-Match: $etag" "$BASE/v1/me/plan") ;;
      today) req+=("$BASE/v1/me/today") ;;
      progress) req+=("$BASE/v1/me/progress") ;;
      put_session) req+=(-X PUT -H 'Content-Type: application/json' -d "$(session_body "$line")"
                         "$BASE/v1/me/sessions/$(cat /proc/sys/kernel/random/uuid)") ;;
      caseload) [ $n -eq 1 ] || break
                req=(-H "Authorization: Bearer $THERAPIST_TOKEN" "$BASE/v1/caseload?limit=100") ;;
      *) die "capture_responses: unknown endpoint $name" ;;
    esac
    : >"$f.body"
    s=$("${curl[@]}" -D "$f.head" -o "$f.body" -w '%{http_code}' "${req[@]}" || true)
    if [ "$s" != "$expected" ]; then
      fail "$name: the response captured for its fixed body was $s, not $expected ($f.head)"
      return 1
    fi
  done < <(grep 'token=' "$RESULTS/clients.lua")
  [ -f "$RESULTS/fixed/sizes.json" ] || echo '{}' >"$RESULTS/fixed/sizes.json"
  jq --arg n "$name" --argjson v "$(cat "$dir"/*.head "$dir"/*.body | wc -c)" --argjson k "$(ls "$dir"/*.head | wc -l)" \
    '. + {($n): ($v / $k * 10 | round / 10)}' "$RESULTS/fixed/sizes.json" >"$RESULTS/fixed/sizes.tmp"
  mv "$RESULTS/fixed/sizes.tmp" "$RESULTS/fixed/sizes.json"
}

# render_sql NAME: one pgbench script per enrolled patient from the captured template
# (a script is one request; pgbench picks a script at random for each transaction).
render_sql() {
  local name=$1 tpl="$RESULTS/sql/$1.template.sql" i=0 line patient plan therapist
  therapist=$(pg -At -c "select md5('bench-therapist-1')::uuid")
  rm -rf "$RESULTS/sql/$name"
  mkdir -p "$RESULTS/sql/$name"
  while read -r line; do
    i=$((i + 1))
    patient=${line#*patient=\"}; patient=${patient%%\"*}
    plan=${line#*plan=\"}; plan=${plan%%\"*}
    sed -e "/^--/d" -e "s/:patient_id/$patient/g" -e "s/:plan_id/$plan/g" -e "s/:clinic_id/$CLINIC_ID/g" \
      -e "s/:therapist_id/$therapist/g" "$tpl" >"$RESULTS/sql/$name/$(printf %03d $i).sql"
  done < <(grep 'patient=' "$RESULTS/clients.lua")
}

# pgbench_run NAME [LABEL]: the SQL ceiling of one endpoint (transactions/s = requests/s),
# written as pgbench/LABEL.json (LABEL defaults to NAME).
pgbench_run() {
  local name=$1 label=${2:-$1} f args=() out="$RESULTS/pgbench/${2:-$1}.txt"
  mkdir -p "$RESULTS/pgbench"
  local statements
  statements=$(grep -vci -e '^[[:space:]]*$' -e '^--' -e '^\\set' -e '^\(begin\|commit\|rollback\);$' \
    "$RESULTS/sql/$name.template.sql" 2>/dev/null || true)
  if [ "${statements:-0}" -eq 0 ]; then
    fail "$name: no SQL captured (see $RESULTS/sql/$name.log)"
    echo '{"tps":null}' >"$RESULTS/pgbench/$label.json"
    return 0
  fi
  render_sql "$name"
  for f in "$RESULTS/sql/$name"/*.sql; do args+=(-f "${f#"$ROOT"/}@1"); done
  run_logged "${PSQL[@]}" -d "$DB" -c checkpoint
  note_cmd "pgbench -n -M prepared -c $PG_CLIENTS -j 2 -T $PG_SECONDS -h 127.0.0.1 -U postgres" \
    "-f bench/results/sql/$name/001.sql@1 -f bench/results/sql/$name/002.sql@1 ... (one script per enrolled patient) $DB"
  (cd "$ROOT" && pgbench -n -M prepared -c "$PG_CLIENTS" -j 2 -T "$PG_SECONDS" -h 127.0.0.1 -U postgres "${args[@]}" "$DB") \
    >"$out" 2>&1 || { tail -n 5 "$out" >&2; fail "pgbench $name failed (see $out)"; }
  local tps failed
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$out")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
  if [ -z "$tps" ]; then
    echo '{"tps":null}' >"$RESULTS/pgbench/$label.json"
    fail "pgbench $name printed no tps (see $out)"
    return 0
  fi
  [ "${failed:-0}" = 0 ] || fail "pgbench $name: $failed failed transactions (see $out)"
  echo "{\"tps\":$tps,\"failed\":${failed:-null}}" >"$RESULTS/pgbench/$label.json"
  say "$(printf '%-22s %9.0f tx/s  SQL ceiling (%s statements per request)' "$label" "$tps" \
    "$(jq -r --arg n "$name" '.[$n]' "$RESULTS/sql/summary.json")")"
}

# prepare_run: the common start of a benchmark script: an empty results directory, the tools,
# the packaged jar (built unless SKIP_BUILD=1) copied aside, fresh JWT keys and a fresh database.
prepare_run() {
  rm -rf "$RESULTS"
  mkdir -p "$RESULTS"
  : >"$RESULTS/commands.txt"
  need_tools
  cd "$ROOT"
  build_app
  snapshot_app
  make_keys
  fresh_db
}
