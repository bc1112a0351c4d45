#!/usr/bin/env bash
# What tracing costs (issue 18, item 6; docs/operations.md "Observability"): the same jar and
# database, three instances at once:
#   off      QUARKUS_OTEL_SDK_DISABLED=true: no spans, no trace ids (the baseline)
#   default  as shipped: a non-recording span per request (trace id in the log MDC), no export
#   export   GLIDE_TRACING_EXPORT=true, every request sampled, exported over OTLP/HTTP to a
#            stand-in collector (bench/otlp_sink.py, answers 200; its CPU is not counted)
# measuring a therapist's plan and sessions reads with wrk in short alternating runs, and each
# Java process's CPU time per request (/proc/<pid>/stat, user + system).
#
#   bench/tracing.sh                        build, then ROUNDS x (off, default, export) per endpoint
#   SKIP_BUILD=1 ROUNDS=8 bench/tracing.sh
#
# Output: bench/results/tracing/ (git-ignored), summary on stdout. Needs what bench/run.sh needs.
set -euo pipefail

export THERAPISTS=${THERAPISTS:-20}
export PATIENTS=${PATIENTS:-400}
export SESSIONS=${SESSIONS:-20000}
export CONNECTIONS=${CONNECTIONS:-16}
export DURATION=${DURATION:-5}
export WARMUP=${WARMUP:-20}
export DB=${DB:-glide_bench_tracing}
export PORT=${PORT:-8091}
PORT0=$PORT
SINK_PORT=${SINK_PORT:-8099}
ROUNDS=${ROUNDS:-6}
BENCH_HOME=$(cd "$(dirname "$0")" && pwd)
export RESULTS=${RESULTS:-$BENCH_HOME/results/tracing}

# shellcheck source=bench/lib.sh
source "$BENCH_HOME/lib.sh"

SINK_PID=
cleanup() {
  local rc=$?
  stop_app
  [ -z "$SINK_PID" ] || kill "$SINK_PID" 2>/dev/null || true
  drop_db
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

prepare_run

start_app migrate
say "loading $THERAPISTS therapists, $PATIENTS patients, $SESSIONS sessions"
load_people
add_sessions "$SESSIONS"
login_therapist
PATIENT_ID=$(pg -At -c "select m.patient_id from care_team_member m join app_user u on u.id = m.therapist_id
  where u.email = 'therapist001@bench.glide.example' order by m.patient_id limit 1")
[ -n "$PATIENT_ID" ] || die "therapist 1 has no patient"
stop_app

note_cmd "python3 bench/otlp_sink.py $SINK_PORT"
python3 "$BENCH_HOME/otlp_sink.py" "$SINK_PORT" &
SINK_PID=$!

cpu_ms() {
  local ticks
  ticks=$(awk '{print $14 + $15}' "/proc/$1/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

MODES=(off default export)
declare -A PID_OF PORT_OF
i=0
for mode in "${MODES[@]}"; do
  PORT=$(( PORT0 + 2 * i )); i=$((i + 1))
  PORT_OF[$mode]=$PORT
  case $mode in
    off) APP_ENV_EXTRA="QUARKUS_OTEL_SDK_DISABLED=true" ;;
    default) APP_ENV_EXTRA="" ;;
    export) APP_ENV_EXTRA="GLIDE_TRACING_EXPORT=true GLIDE_TRACING_SAMPLE_RATIO=1.0"
      APP_ENV_EXTRA+=" QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf"
      APP_ENV_EXTRA+=" QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:$SINK_PORT" ;;
  esac
  BASE=http://localhost:$PORT
  MANAGEMENT_PORT=$((PORT + 1000)) start_app "$mode"
  PID_OF[$mode]=$APP_PID
  APP_PID=
done
stop_all() {
  local p
  for p in "${PID_OF[@]}"; do APP_PID=$p; stop_app; done
}
trap 'rc=$?; stop_all; [ -z "$SINK_PID" ] || kill "$SINK_PID" 2>/dev/null || true; drop_db; exit $rc' EXIT
BASE=http://localhost:${PORT_OF[default]}
login_therapist

path_of() {
  case $1 in
    plan) echo "/v1/patients/$PATIENT_ID/plan" ;;
    sessions) echo "/v1/patients/$PATIENT_ID/sessions" ;;
  esac
}
for ep in plan sessions; do
  for mode in "${MODES[@]}"; do
    BASE=http://localhost:${PORT_OF[$mode]}
    wrk_run "warmup-$ep-$mode" therapist_get "$(path_of "$ep")" "$WARMUP" "$CONNECTIONS"
  done
done
sleep 6 # the batch span processor's schedule delay is 5 s: let the warm-up's spans go out
read -r POSTS0 BYTES0 < <(curl -s "http://127.0.0.1:$SINK_PORT/count")

ROWS="$RESULTS/rows.tsv"
printf 'round\tmode\tendpoint\treq/s\tp50_ms\tp95_ms\tp99_ms\tcpu_ms_per_req\n' >"$ROWS"
EXPORT_REQUESTS=0
for round in $(seq 1 "$ROUNDS"); do
  for ep in plan sessions; do
    for mode in "${MODES[@]}"; do
      BASE=http://localhost:${PORT_OF[$mode]}
      name="$ep-$mode-$round"
      cpu0=$(cpu_ms "${PID_OF[$mode]}")
      wrk_run "$name" therapist_get "$(path_of "$ep")" "$DURATION" "$CONNECTIONS"
      cpu1=$(cpu_ms "${PID_OF[$mode]}")
      check_run "$name" 200 || true
      n=$(j "$name" .requests)
      [ "$mode" != export ] || EXPORT_REQUESTS=$((EXPORT_REQUESTS + n))
      printf '%s\t%s\t%s\t%.0f\t%.2f\t%.2f\t%.2f\t%.3f\n' "$round" "$mode" "$ep" "$(j "$name" .rps)" \
        "$(j "$name" .p50_ms)" "$(j "$name" .p95_ms)" "$(j "$name" .p99_ms)" \
        "$(awk -v a="$cpu0" -v b="$cpu1" -v n="$n" 'BEGIN {print (b - a) / n}')" >>"$ROWS"
      say "$(tail -n 1 "$ROWS")"
    done
  done
done
sleep 6
read -r POSTS1 BYTES1 < <(curl -s "http://127.0.0.1:$SINK_PORT/count")

{
  echo "# tracing off / default / export (medians over $ROUNDS alternating runs of ${DURATION} s, ${CONNECTIONS} connections, after ${WARMUP} s warm-up per endpoint and instance)"
  python3 - "$ROWS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
for ep in ('plan', 'sessions'):
    med, spread = {}, {}
    for mode in ('off', 'default', 'export'):
        sel = [r for r in rows if r['endpoint'] == ep and r['mode'] == mode]
        med[mode] = {k: statistics.median(float(r[k]) for r in sel) for k in ('req/s', 'p50_ms', 'p99_ms', 'cpu_ms_per_req')}
    # per round: the CPU ratio against the same round's off run (paired), min-max
    for mode in ('default', 'export'):
        ratios = []
        for r in [r for r in rows if r['endpoint'] == ep and r['mode'] == mode]:
            off = next(o for o in rows if o['endpoint'] == ep and o['mode'] == 'off' and o['round'] == r['round'])
            ratios.append(float(r['cpu_ms_per_req']) / float(off['cpu_ms_per_req']))
        spread[mode] = (min(ratios), statistics.median(ratios), max(ratios))
    line = f"{ep:9s}"
    for mode in ('off', 'default', 'export'):
        m = med[mode]
        line += f" | {mode}: {m['req/s']:7.0f} req/s p50 {m['p50_ms']:5.2f} p99 {m['p99_ms']:6.2f} cpu {m['cpu_ms_per_req']:.3f} ms/req"
    print(line)
    for mode in ('default', 'export'):
        lo, mid, hi = spread[mode]
        print(f"{'':9s}   cpu/req {mode}/off, paired per round: median {mid:.3f} (min {lo:.3f}, max {hi:.3f});"
              f" req/s {mode}/off {med[mode]['req/s'] / med['off']['req/s']:.3f}")
PY
  echo "export: the sink received $((POSTS1 - POSTS0)) OTLP requests, $((BYTES1 - BYTES0)) bytes, for $EXPORT_REQUESTS measured requests" \
    "($(awk -v b=$((BYTES1 - BYTES0)) -v n="$EXPORT_REQUESTS" 'BEGIN {printf "%.0f", n ? b / n : 0}') bytes per request)"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS/summary.txt"
[ $((POSTS1 - POSTS0)) -gt 0 ] || fail "export: the sink received nothing"
[ ${#FAILURES[@]} -eq 0 ] || { printf 'FAILED: %s\n' "${FAILURES[@]}" >&2; exit 1; }
