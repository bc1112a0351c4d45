#!/usr/bin/env bash
# Timing oracles of login and enrolment (issue 12, item 2), measured on a running application.
#
#   bench/auth_timing.sh                 about 2 minutes (build, start, 4 x ROUNDS requests)
#   SKIP_BUILD=1 ROUNDS=101 bench/auth_timing.sh
#
# Starts the jar (prod profile, default bcrypt cost 11) against a fresh database, creates a
# therapist and a patient with a live enrolment code through the API, then sends, interleaved
# (A B C D A B C D ...) so that drift hits every path alike, ROUNDS requests of each:
#   login-unknown   an email that has no account
#   login-wrong     the therapist's email with a wrong password
#   enrol-none      a code whose lookup has no code at all
#   enrol-wrong     the live code's lookup with a wrong secret
# and prints the median of curl's time_total per path and the two ratios (unknown / wrong,
# none / wrong); 1.00 means no oracle. The limits are lifted (they are not what is measured).
# Leaves nothing behind (the application is stopped and the database dropped). Output also in
# bench/results/auth/timing.txt.
set -euo pipefail
export DB=${DB:-glide_bench_auth}
export PORT=${PORT:-8083}
ROUNDS=${ROUNDS:-41}
BENCH_HOME=$(cd "$(dirname "$0")" && pwd)
export RESULTS=${RESULTS:-$BENCH_HOME/results/auth}
mkdir -p "$RESULTS"
: >"$RESULTS/commands.txt"
# shellcheck source=bench/lib.sh
source "$BENCH_HOME/lib.sh"

eval "lib_$(declare -f app_env)"
app_env() {
  lib_app_env
  APP_ENV+=(
    GLIDE_RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS=1000000
    GLIDE_RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS=1000000
    GLIDE_RATE_LIMIT_ENROL_FAILURES_PER_CODE_AND_ADDRESS=1000000
    GLIDE_RATE_LIMIT_ENROL_FAILURES_PER_ADDRESS=1000000
    GLIDE_RATE_LIMIT_FREE_FAILURES=1000000
  )
}

cleanup() {
  local rc=$?
  stop_app
  drop_db
  exit $rc
}
trap cleanup EXIT

for t in java psql createdb dropdb curl jq openssl python3; do
  command -v "$t" >/dev/null || die "missing tool: $t"
done
build_app
snapshot_app
make_keys
fresh_db
start_app auth

post() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$BASE$1" -H 'Content-Type: application/json' "${@:2}"; }

ADMIN_TOKEN=$(curl -sf -X POST "$BASE/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .accessToken)
THERAPIST_EMAIL=timing-therapist@bench.glide.example
curl -sf -o /dev/null -X POST "$BASE/v1/therapists" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$THERAPIST_EMAIL\",\"displayName\":\"Timing Therapist\",\"initialPassword\":\"$THERAPIST_PASSWORD\"}"
THERAPIST_TOKEN=$(curl -sf -X POST "$BASE/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$THERAPIST_EMAIL\",\"password\":\"$THERAPIST_PASSWORD\"}" | jq -r .accessToken)
CODE=$(curl -sf -X POST "$BASE/v1/patients" -H "Authorization: Bearer $THERAPIST_TOKEN" -H 'Content-Type: application/json' \
  -d '{"displayName":"Timing Patient","timeZone":"Europe/Berlin"}' | jq -r .enrolmentCode.code)
LOOKUP=${CODE%%-*}
SECRET=${CODE#*-}
WRONG=222222
[ "$SECRET" != "$WRONG" ] || WRONG=333333
ALPHABET=23456789ABCDEFGHJKMNPQRSTWXYZ
while :; do
  NONE=""
  for _ in 1 2 3 4; do NONE+=${ALPHABET:$((RANDOM % ${#ALPHABET})):1}; done
  [ -z "$(pg -At -c "select 1 from enrolment_code where lookup = '$NONE'")" ] && break
done
say "therapist $THERAPIST_EMAIL, live code lookup $LOOKUP, free lookup $NONE; $ROUNDS rounds"

: >"$RESULTS/samples.txt"
for i in $(seq 1 "$ROUNDS"); do
  echo "login-unknown $(post /v1/auth/login -d "{\"email\":\"nobody-$i-$RANDOM@bench.glide.example\",\"password\":\"wrong password $i\"}")"
  echo "login-wrong $(post /v1/auth/login -d "{\"email\":\"$THERAPIST_EMAIL\",\"password\":\"wrong password $i\"}")"
  echo "enrol-none $(post /v1/auth/enrol -d "{\"code\":\"$NONE-$WRONG\"}")"
  echo "enrol-wrong $(post /v1/auth/enrol -d "{\"code\":\"$LOOKUP-$WRONG\"}")"
done >>"$RESULTS/samples.txt"

python3 - "$RESULTS/samples.txt" "$ROUNDS" <<'PY' | tee "$RESULTS/timing.txt"
import statistics, sys
samples = {}
for line in open(sys.argv[1]):
    path, status, seconds = line.split()
    if status != "401":
        sys.exit(f"{path} answered {status}, expected 401")
    samples.setdefault(path, []).append(float(seconds) * 1000)
med = {p: statistics.median(v) for p, v in samples.items()}
q = {p: statistics.quantiles(v, n=4) for p, v in samples.items()}
print(f"{'path':<14} {'n':>4} {'median ms':>10} {'p25 ms':>8} {'p75 ms':>8}")
for p in ["login-unknown", "login-wrong", "enrol-none", "enrol-wrong"]:
    print(f"{p:<14} {len(samples[p]):>4} {med[p]:>10.1f} {q[p][0]:>8.1f} {q[p][2]:>8.1f}")
print(f"login: unknown email / wrong password = {med['login-unknown'] / med['login-wrong']:.2f}")
print(f"enrol: no such code / wrong secret    = {med['enrol-none'] / med['enrol-wrong']:.2f}")
PY
