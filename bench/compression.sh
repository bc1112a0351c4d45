#!/usr/bin/env bash
# What gzip costs the plan endpoint and what it saves on the wire. One command, about 5 minutes
# on the 2-core machine (see docs/benchmarks.md, "Compression"):
#
#   bench/compression.sh                       levels 1, 3 and 6; 3 identity/gzip pairs each
#   LEVELS="1 6" PAIRS=5 REPEAT=2 bench/compression.sh   (REPEAT: application restarts per level)
#   SKIP_BUILD=1 bench/compression.sh          reuse target/quarkus-app
#
# Uses bench/lib.sh like run.sh: the packaged application (prod profile, -Xmx128m) on a fresh
# database with a small dataset (plans are the same shape as in run.sh: 6-10 items, 2-4
# revisions), enrolled patients through the API. Then, for each gzip level
# (GLIDE_COMPRESSION_LEVEL; the application restarts for each) and each repetition, on one
# instance: the HTTP ceiling (wrk on /q/health/live), GET /v1/me/plan without Accept-Encoding
# (identity) and with Accept-Encoding: gzip; and, per level, the bytes on the wire of every
# enrolled patient's plan (curl size_download, identity and gzip). Prints the table and writes
# it to bench/results/compression/results.md (not to docs/: the numbers there were copied by
# hand with the command that produced them). Exits non-zero on an unexpected status, a socket
# error, or a response whose Content-Encoding is not the one asked for.
set -euo pipefail

export THERAPISTS=${THERAPISTS:-10}
export PATIENTS=${PATIENTS:-1000}
export SESSIONS=${SESSIONS:-20000}
export PATIENT_TOKENS=${PATIENT_TOKENS:-16}
export CONNECTIONS=${CONNECTIONS:-16}
export DURATION=${DURATION:-8}
export WARMUP=${WARMUP:-5}
export DB=${DB:-glide_bench_gzip}
export PORT=${PORT:-8083}
LEVELS=${LEVELS:-"1 3 6"}
REPEAT=${REPEAT:-1}
PAIRS=${PAIRS:-3}
BENCH_HOME=$(cd "$(dirname "$0")" && pwd)
export RESULTS=${RESULTS:-$BENCH_HOME/results/compression}

# shellcheck source=bench/lib.sh
source "$BENCH_HOME/lib.sh"

cleanup() {
  local rc=$?
  stop_app
  drop_db
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

T_START=$(now_ms)
prepare_run

start_level() {
  export APP_ENV_EXTRA="GLIDE_COMPRESSION_LEVEL=$1"
  start_app "level$1-$2"
}

# check_encoding NAME EXPECTED: every response of the run came with that Content-Encoding.
check_encoding() {
  local f="$RESULTS/wrk/$1.json" total good
  total=$(jq '[.encodings[]] | add // 0' "$f")
  good=$(jq --arg e "$2" '.encodings[$e] // 0' "$f")
  [ "$total" -gt 0 ] && [ "$good" -eq "$total" ] || fail "$1: $((total - good)) of $total responses not $2: $(jq -c .encodings "$f")"
}

start_level "$(awk '{print $1}' <<<"$LEVELS")" load
say "loading $THERAPISTS therapists, $PATIENTS patients with plans, $SESSIONS sessions"
load_people
add_sessions "$SESSIONS"
login_therapist
enrol_patients "$PATIENT_TOKENS"
TOKENS=$(grep -o 'token="[^"]*"' "$RESULTS/clients.lua" | sed 's/token="\(.*\)"/\1/')
stop_app

GZIP_HEADER="Accept-Encoding: gzip"
CLK_TCK=$(getconf CLK_TCK)
# CPU time (ms) the application process has used so far, user + system (/proc/PID/stat).
app_cpu_ms() { awk -v hz="$CLK_TCK" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$APP_PID/stat"; }

# timed NAME MODE PATH [VAR=VALUE ...]: one measured wrk run (after a CHECKPOINT), with the
# application's CPU time during it in NAME.cpu_ms; checks the statuses.
timed() {
  local name=$1 mode=$2 path=$3 c0 c1
  shift 3
  run_logged "${PSQL[@]}" -d "$DB" -c checkpoint
  c0=$(app_cpu_ms)
  wrk_run "$name" "$mode" "$path" "$DURATION" "$CONNECTIONS" "$@"
  c1=$(app_cpu_ms)
  echo $((c1 - c0)) >"$RESULTS/wrk/$name.cpu_ms"
  check_run "$name" 200 || true
  say "$(printf '%-18s %7.0f req/s  p99 %7.2f ms  %6.3f ms CPU per request  %s' "$name" "$(j "$name" .rps)" \
    "$(j "$name" .p99_ms)" "$(python3 -c "print($((c1 - c0)) / max(1, $(j "$name" .requests)))")" \
    "$(j "$name" '.encodings | tostring')")"
}

: >"$RESULTS/bytes.tsv"
for rep in $(seq 1 "$REPEAT"); do
  for level in $LEVELS; do
    start_level "$level" "r$rep"
    if [ "$rep" = 1 ]; then
      # Bytes on the wire of each enrolled patient's plan: identity, and gzip at this level.
      note_cmd "curl -s -o /dev/null -w '%{size_download}' $BASE/v1/me/plan -H 'Authorization: Bearer <patient token>'" \
        "[-H 'Accept-Encoding: gzip']"
      while read -r token; do
        plain=$(curl -sf -o /dev/null -w '%{size_download}' "$BASE/v1/me/plan" -H "Authorization: Bearer $token")
        gz=$(curl -sf -o /dev/null -w '%{size_download}' "$BASE/v1/me/plan" -H "Authorization: Bearer $token" -H "$GZIP_HEADER")
        printf '%s\t%s\t%s\n' "$level" "$plain" "$gz" >>"$RESULTS/bytes.tsv"
      done <<<"$TOKENS"
      if [ ! -f "$RESULTS/plan.json" ]; then
        # One typical plan body for the CPU cost of gzip alone (bench/GzipCost.java).
        curl -sf -o "$RESULTS/plan.json" "$BASE/v1/me/plan" -H "Authorization: Bearer $(head -n 1 <<<"$TOKENS")"
      fi
    fi
    # Warm-up of both paths (JIT), then the HTTP ceiling, then identity and gzip alternating,
    # PAIRS times, so that both see the same background load as far as possible.
    wrk_run "warmup_identity_l${level}_r$rep" patient_get /v1/me/plan "$WARMUP" "$CONNECTIONS"
    wrk_run "warmup_gzip_l${level}_r$rep" patient_get /v1/me/plan "$WARMUP" "$CONNECTIONS" BENCH_HEADER="$GZIP_HEADER"
    timed "ceiling_l${level}_r$rep" plain /q/health/live
    for pair in $(seq 1 "$PAIRS"); do
      timed "identity_l${level}_r${rep}_p$pair" patient_get /v1/me/plan
      check_encoding "identity_l${level}_r${rep}_p$pair" none
      timed "gzip_l${level}_r${rep}_p$pair" patient_get /v1/me/plan BENCH_HEADER="$GZIP_HEADER"
      check_encoding "gzip_l${level}_r${rep}_p$pair" gzip
    done
    stop_app
  done
done

stop_app
run_logged java -cp "$ROOT/target/classes" "$BENCH_DIR/GzipCost.java" "$RESULTS/plan.json" >"$RESULTS/gzip-cost.txt"

# --- Report -------------------------------------------------------------------------------
T_TOTAL_S=$(( ($(now_ms) - T_START) / 1000 ))
python3 - "$RESULTS" "$LEVELS" "$REPEAT" "$PAIRS" "$T_TOTAL_S" <<'PY' | tee "$RESULTS/results.md"
import json, statistics, subprocess, sys
results, levels, repeat, pairs, total_s = sys.argv[1], sys.argv[2].split(), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
def run(name):
    r = json.load(open(f"{results}/wrk/{name}.json"))
    r["cpu_per_req"] = int(open(f"{results}/wrk/{name}.cpu_ms").read()) / max(1, r["requests"])
    return r
def rng(xs, fmt="{:,.0f}"):
    lo, hi = min(xs), max(xs)
    a, b = fmt.format(lo), fmt.format(hi)
    return a if a == b else f"{a}–{b}"
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
print(f"Run at commit `{commit}`: {repeat} application start(s) per level, {pairs} identity/gzip pair(s) each, {total_s} s in all.\n")
print("**Bytes on the wire** of `GET /v1/me/plan` for the enrolled patients (curl `size_download`, the body):\n")
print("| gzip level | identity bytes (min / median / max) | gzip bytes (min / median / max) | gzip ÷ identity (median) |")
print("|---:|---:|---:|---:|")
rows = [l.split("\t") for l in open(f"{results}/bytes.tsv").read().split("\n") if l]
for level in levels:
    p = sorted(int(r[1]) for r in rows if r[0] == level)
    g = sorted(int(r[2]) for r in rows if r[0] == level)
    if p:
        mp, mg = statistics.median(p), statistics.median(g)
        print(f"| {level} | {p[0]:,} / {mp:,.0f} / {p[-1]:,} | {g[0]:,} / {mg:,.0f} / {g[-1]:,} | {mg / mp:.2f} |")
print("\n**Throughput and CPU** (wrk req/s, ranges over the runs; *CPU ms/req* = the application's user + system")
print("CPU time during the run ÷ requests; *CPU-bound ratio* = identity CPU ms/req ÷ gzip CPU ms/req, the share of")
print("the identity throughput gzip keeps when the application has the cores to itself):\n")
print("| gzip level | HTTP ceiling | plan, identity | plan, gzip | gzip ÷ identity (req/s, pairwise) | CPU ms/req identity | CPU ms/req gzip | CPU-bound ratio | identity ÷ ceiling | gzip p99 ms |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for level in levels:
    c, i, g, ratio, ci, cg, cr, ic, p99 = [], [], [], [], [], [], [], [], []
    for rep in range(1, repeat + 1):
        ceil = run(f"ceiling_l{level}_r{rep}")
        c.append(ceil["rps"])
        for pair in range(1, pairs + 1):
            ir, gr = run(f"identity_l{level}_r{rep}_p{pair}"), run(f"gzip_l{level}_r{rep}_p{pair}")
            i.append(ir["rps"]); g.append(gr["rps"]); ratio.append(gr["rps"] / ir["rps"])
            ci.append(ir["cpu_per_req"]); cg.append(gr["cpu_per_req"]); cr.append(ir["cpu_per_req"] / gr["cpu_per_req"])
            ic.append(ir["rps"] / ceil["rps"]); p99.append(gr["p99_ms"])
    print(f"| {level} | {rng(c)} | {rng(i)} | {rng(g)} | {rng(ratio, '{:.2f}')} | {rng(ci, '{:.3f}')} | {rng(cg, '{:.3f}')} | "
          f"**{rng(cr, '{:.2f}')}** (median {statistics.median(cr):.2f}) | {rng(ic, '{:.2f}')} | {rng(p99, '{:.1f}')} |")
print("\n**gzip alone** (`java -cp target/classes bench/GzipCost.java` on one plan body: the whole body as Netty compresses it, and the plan's own path with its exercises kept compressed; thread CPU time):\n")
print("```")
print(open(f"{results}/gzip-cost.txt").read().rstrip())
print("```")
print(f"\nLoad average at the end: {open('/proc/loadavg').read().split()[0:3]} on {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores.")
PY
say "results: ${RESULTS#"$ROOT"/}/results.md (run took ${T_TOTAL_S} s)"
if [ ${#FAILURES[@]} -gt 0 ]; then
  printf '  - %s\n' "${FAILURES[@]}" >&2
  die "${#FAILURES[@]} problem(s)"
fi
