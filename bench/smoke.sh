#!/usr/bin/env bash
# CI smoke version of bench/run.sh: the same steps on a tiny dataset with 2-second runs (at
# most 3 per measurement), so the benchmark cannot rot. About 3 minutes including three
# application starts (and a minute more when the bare app, bench/startup-bare, is built). Fails
# (non-zero) when any endpoint answers with an unexpected status, a socket error or a
# timeout, or when a step (SQL capture, pgbench) does not work. Leaves nothing behind: the
# applications are stopped and the database dropped on exit. Reuses target/quarkus-app when
# it exists (SKIP_BUILD=0 forces a build; the bare app is built when its jar is missing or
# older than its sources). Writes to bench/results/smoke/, never to docs/.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -z "${SKIP_BUILD:-}" ] && [ -f "$HERE/../target/quarkus-app/quarkus-run.jar" ]; then
  export SKIP_BUILD=1
fi
export THERAPISTS=2 PATIENTS=20 SESSIONS=2000 SESSIONS_SMALL=1000 PATIENT_TOKENS=2
export CONNECTIONS=4 DURATION=2 WARMUP=1 WARMUP_FIRST=1 MAX_RUNS=3 PG_CLIENTS=2 PG_SECONDS=1
export DB=${DB:-glide_bench_smoke} PORT=${PORT:-8082} KEEP_DB=0
export RESULTS=$HERE/results/smoke DOCS=$HERE/results/smoke/benchmarks.md
exec "$HERE/run.sh"
