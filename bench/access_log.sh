#!/usr/bin/env bash
# What the access log costs (issue 17, item 5; docs/benchmarks.md "Access log"): the same jar
# and database, two instances at once, one with the access log on and one off
# (GLIDE_ACCESS_LOG_ENABLED, a benchmark-only switch), measuring the staff reads of one patient
# (plan, sessions) and the caseload with wrk in short alternating runs, and each Java
# process's CPU time per request (/proc/<pid>/stat, user + system).
# Then pgbench measures what a record costs the database: one write per read against the writer's batches.
#
#   bench/access_log.sh                        build, then ROUNDS x (on, off) per endpoint
#   SKIP_BUILD=1 ROUNDS=10 bench/access_log.sh
#
# Output: bench/results/access-log/ (git-ignored), summary on stdout. Needs what bench/run.sh needs.
set -euo pipefail

export THERAPISTS=${THERAPISTS:-20}
export PATIENTS=${PATIENTS:-2000}
export SESSIONS=${SESSIONS:-100000}
export CONNECTIONS=${CONNECTIONS:-16}
export DURATION=${DURATION:-5}
export WARMUP=${WARMUP:-30}
export DB=${DB:-glide_bench_access_log}
export PORT=${PORT:-8083}
ROUNDS=${ROUNDS:-6}
PG_SECONDS=${PG_SECONDS:-10}
BENCH_HOME=$(cd "$(dirname "$0")" && pwd)
export RESULTS=${RESULTS:-$BENCH_HOME/results/access-log}

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

prepare_run

APP_ENV_EXTRA="GLIDE_ACCESS_LOG_ENABLED=true"
start_app migrate
say "loading $THERAPISTS therapists, $PATIENTS patients, $SESSIONS sessions"
load_people
add_sessions "$SESSIONS"
login_therapist
PATIENT_ID=$(pg -At -c "select m.patient_id from care_team_member m join app_user u on u.id = m.therapist_id
  where u.email = 'therapist001@bench.glide.example' order by m.patient_id limit 1")
[ -n "$PATIENT_ID" ] || die "therapist 1 has no patient"
stop_app

# cpu_ms PID: user + system CPU time of the process so far, in milliseconds.
cpu_ms() {
  local ticks
  ticks=$(awk '{print $14 + $15}' "/proc/$1/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

# switches PID: context switches of all the process's threads so far (voluntary + involuntary):
# each one a thread put to sleep and woken, the cost of threads waiting for each other.
switches() {
  cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^(voluntary|nonvoluntary)_ctxt_switches/ {n += $2} END {print n + 0}'
}

# jit_ms PID: CPU time of the process's JIT compiler threads so far, in milliseconds. Per request
# it shows whether an instance is still warming up: on a slow machine C2 was still compiling
# (0.15-0.4 ms of CPU per request) after several minutes of load.
jit_ms() {
  local t ticks=0 f
  for t in /proc/"$1"/task/*; do
    case $(cat "$t/comm" 2>/dev/null) in
      C1\ Compiler*|C2\ Compiler*) f=$(cut -d')' -f2- "$t/stat"); ticks=$(( ticks + $(awk '{print $12 + $13}' <<<"$f") )) ;;
    esac
  done
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

# machine_cpu_ms: CPU time the whole machine has spent busy so far (every core; /proc/stat without
# idle and iowait), in milliseconds: the application, PostgreSQL (the INSERTs) and wrk together.
machine_cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / {print int(($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz); exit}' /proc/stat
}

# Both instances run at once (on: PORT, off: PORT + 2), warmed up, then measured in short
# alternating runs, so that both see the same machine: on a machine shared with other work,
# consecutive long runs differ more by the neighbours' load than by what is measured.
PORT_ON=$PORT
PORT_OFF=$((PORT + 2))
declare -A PID_OF
for log in on off; do
  if [ "$log" = on ]; then PORT=$PORT_ON; APP_ENV_EXTRA="GLIDE_ACCESS_LOG_ENABLED=true"
  else PORT=$PORT_OFF; APP_ENV_EXTRA="GLIDE_ACCESS_LOG_ENABLED=false"; fi
  BASE=http://localhost:$PORT
  MANAGEMENT_PORT=$((PORT + 1000)) start_app "$log"
  PID_OF[$log]=$APP_PID
  APP_PID=
done
stop_both() {
  local p
  for p in "${PID_OF[@]}"; do APP_PID=$p; stop_app; done
}
trap 'rc=$?; stop_both; drop_db; exit $rc' EXIT
BASE=http://localhost:$PORT_ON
login_therapist

path_of() {
  case $1 in
    plan) echo "/v1/patients/$PATIENT_ID/plan" ;;
    sessions) echo "/v1/patients/$PATIENT_ID/sessions" ;;
    caseload) echo "/v1/caseload?limit=100" ;;
  esac
}
for ep in plan sessions caseload; do
  for log in on off; do
    if [ "$log" = on ]; then BASE=http://localhost:$PORT_ON; else BASE=http://localhost:$PORT_OFF; fi
    wrk_run "warmup-$ep-$log" therapist_get "$(path_of "$ep")" "$WARMUP" "$CONNECTIONS"
  done
done

ROWS="$RESULTS/rows.tsv"
printf 'round\tlog\tendpoint\treq/s\tp50_ms\tp95_ms\tp99_ms\tcpu_ms_per_req\trecords_per_req\tmachine_cpu_ms_per_req\tswitches_per_req\tjit_ms_per_req\n' >"$ROWS"
for round in $(seq 1 "$ROUNDS"); do
  for ep in plan sessions caseload; do
    for log in on off; do
      if [ "$log" = on ]; then BASE=http://localhost:$PORT_ON; else BASE=http://localhost:$PORT_OFF; fi
      name="$ep-$log-$round"
      records0=$(pg -At -c "select count(*) from patient_access")
      cpu0=$(cpu_ms "${PID_OF[$log]}")
      all0=$(machine_cpu_ms)
      sw0=$(switches "${PID_OF[$log]}")
      jit0=$(jit_ms "${PID_OF[$log]}")
      wrk_run "$name" therapist_get "$(path_of "$ep")" "$DURATION" "$CONNECTIONS"
      all1=$(machine_cpu_ms)
      sw1=$(switches "${PID_OF[$log]}")
      jit1=$(jit_ms "${PID_OF[$log]}")
      cpu1=$(cpu_ms "${PID_OF[$log]}")
      records1=$(pg -At -c "select count(*) from patient_access")
      check_run "$name" 200 || true
      n=$(j "$name" .requests)
      printf '%s\t%s\t%s\t%.0f\t%.2f\t%.2f\t%.2f\t%.3f\t%.3f\t%.3f\t%.2f\t%.3f\n' "$round" "$log" "$ep" "$(j "$name" .rps)" \
        "$(j "$name" .p50_ms)" "$(j "$name" .p95_ms)" "$(j "$name" .p99_ms)" \
        "$(awk -v a="$cpu0" -v b="$cpu1" -v n="$n" 'BEGIN {print (b - a) / n}')" \
        "$(awk -v a="$records0" -v b="$records1" -v n="$n" 'BEGIN {print (b - a) / n}')" \
        "$(awk -v a="$all0" -v b="$all1" -v n="$n" 'BEGIN {print (b - a) / n}')" \
        "$(awk -v a="$sw0" -v b="$sw1" -v n="$n" 'BEGIN {print (b - a) / n}')" \
        "$(awk -v a="$jit0" -v b="$jit1" -v n="$n" 'BEGIN {print (b - a) / n}')" >>"$ROWS"
      say "$(tail -n 1 "$ROWS")"
    done
  done
done

# What a record costs the database, on its own (16 clients, each statement its own transaction):
# the staff access check alone; the same check writing the record in the same statement (one
# write transaction per read: the cost every record-before-the-answer design pays, see
# docs/security.md "Access log"); and the writer's batch INSERT (the design).
CLINIC_ID=$(pg -At -c "select id from clinic")
THERAPIST_ID=$(pg -At -c "select id from app_user where email = 'therapist001@bench.glide.example'")
cat >"$RESULTS/check.sql" <<SQL
select p.* from patient p where p.id = '$PATIENT_ID' and p.clinic_id = '$CLINIC_ID'
  and exists (select 1 from care_team_member m where m.patient_id = '$PATIENT_ID' and m.therapist_id = '$THERAPIST_ID');
SQL
cat >"$RESULTS/check_record.sql" <<SQL
with p as (select * from patient where id = '$PATIENT_ID' and clinic_id = '$CLINIC_ID'
             and exists (select 1 from care_team_member m where m.patient_id = '$PATIENT_ID' and m.therapist_id = '$THERAPIST_ID')),
     r as (insert into patient_access (occurred_at, clinic_id, patient_id, actor_user_id, actor_role, what, request_id)
           select now(), p.clinic_id, p.id, '$THERAPIST_ID', 'THERAPIST', 'PLAN', md5(random()::text) from p)
select p.* from p, (select set_config('synchronous_commit', 'off', true)) async_commit;
SQL
# The design's own statement: the writer's batch INSERT, BATCH_ROWS records per statement (what
# about 2,000 staff reads/s queue in its 10 ms interval).
BATCH_ROWS=${BATCH_ROWS:-20}
cat >"$RESULTS/batch_insert.sql" <<SQL
insert into patient_access (occurred_at, clinic_id, patient_id, actor_user_id, actor_role, what, request_id)
select now(), '$CLINIC_ID', '$PATIENT_ID', '$THERAPIST_ID', 'THERAPIST', 'PLAN', md5(random()::text) from generate_series(1, $BATCH_ROWS);
SQL
for f in check check_record batch_insert; do
  note_cmd "pgbench -n -M prepared -c $CONNECTIONS -j 2 -T $PG_SECONDS -f $f.sql $DB"
  pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -T "$PG_SECONDS" -f "$RESULTS/$f.sql" "$DB" \
    >"$RESULTS/pgbench-$f.txt" 2>&1
done
CHECK_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RESULTS/pgbench-check.txt" | head -n 1)
RECORD_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RESULTS/pgbench-check_record.txt" | head -n 1)
BATCH_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RESULTS/pgbench-batch_insert.txt" | head -n 1)
BYTES=$(pg -At -c "select round(pg_total_relation_size('patient_access')::numeric / greatest(count(*), 1)) from patient_access")

{
  echo "# access log on/off (medians over $ROUNDS alternating runs of ${DURATION} s, ${CONNECTIONS} connections, after ${WARMUP} s warm-up per endpoint and instance)"
  python3 - "$ROWS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
for ep in ('plan', 'sessions', 'caseload'):
    med = {}
    for log in ('on', 'off'):
        sel = [r for r in rows if r['endpoint'] == ep and r['log'] == log]
        med[log] = {k: statistics.median(float(r[k]) for r in sel)
                    for k in ('req/s', 'p50_ms', 'p95_ms', 'cpu_ms_per_req', 'records_per_req', 'machine_cpu_ms_per_req',
                          'switches_per_req', 'jit_ms_per_req')}
    pairs = [float(a['req/s']) / float(b['req/s'])
             for a, b in zip(sorted((r for r in rows if r['endpoint'] == ep and r['log'] == 'on'), key=lambda r: int(r['round'])),
                             sorted((r for r in rows if r['endpoint'] == ep and r['log'] == 'off'), key=lambda r: int(r['round'])))]
    on, off = med['on'], med['off']
    print(f"{ep:9s} on: {on['req/s']:8.0f} req/s p50 {on['p50_ms']:6.2f} p95 {on['p95_ms']:6.2f} cpu {on['cpu_ms_per_req']:.3f} ms/req"
          f" records/req {on['records_per_req']:.3f} | off: {off['req/s']:8.0f} req/s p50 {off['p50_ms']:6.2f}"
          f" p95 {off['p95_ms']:6.2f} cpu {off['cpu_ms_per_req']:.3f} ms/req | req/s on/off {on['req/s'] / off['req/s']:.3f}"
          f" cpu on/off {on['cpu_ms_per_req'] / off['cpu_ms_per_req']:.3f}"
          f" machine cpu ms/req on/off {on['machine_cpu_ms_per_req']:.3f}/{off['machine_cpu_ms_per_req']:.3f}"
          f" = {on['machine_cpu_ms_per_req'] / off['machine_cpu_ms_per_req']:.3f}"
          f" context switches/req on/off {on['switches_per_req']:.1f}/{off['switches_per_req']:.1f}"
          f" JIT ms/req on/off {on['jit_ms_per_req']:.3f}/{off['jit_ms_per_req']:.3f}"
          f" | req/s on/off pairwise {' '.join(f'{p:.2f}' for p in pairs)}")
PY
  echo "access check alone (pgbench, $CONNECTIONS clients): $CHECK_TPS tx/s; the check that records: $RECORD_TPS tx/s" \
    "($(awk -v a="$RECORD_TPS" -v b="$CHECK_TPS" 'BEGIN {printf "%.2f", a / b}') of it)"
  echo "the writer's batch INSERT of $BATCH_ROWS records: $BATCH_TPS tx/s = $(awk -v t="$BATCH_TPS" -v n="$BATCH_ROWS" 'BEGIN {printf "%.0f", t * n}') records/s"
  echo "patient_access on disk: $BYTES bytes per record (table + indexes)"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS/summary.txt"
[ ${#FAILURES[@]} -eq 0 ] || { printf 'FAILED: %s\n' "${FAILURES[@]}" >&2; exit 1; }
