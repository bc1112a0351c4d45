#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the caseload statement (GET /v1/caseload) for the benchmark's
# first therapist, and its execution time over 5 more runs, against the database bench/run.sh left behind
# (KEEP_DB=1, the default). Shows that the query reads one snapshot row and a handful of
# alert rows per patient, whatever the number of sessions in the database.
#   bench/caseload_explain.sh            # database glide_bench
#   DB=other bench/caseload_explain.sh
set -euo pipefail
DB=${DB:-glide_bench}
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1 -d "$DB")
therapist=$("${PSQL[@]}" -At -c "select id from app_user where email = 'therapist001@bench.glide.example'")
clinic=$("${PSQL[@]}" -At -c "select clinic_id from app_user where id = '$therapist'")
sessions=$("${PSQL[@]}" -At -c "select count(*) from session_log")
patients=$("${PSQL[@]}" -At -c "select count(*) from care_team_member where therapist_id = '$therapist'")
# The statement GET /v1/caseload issued, as bench/run.sh last captured it from the
# PostgreSQL log (bench/results/sql/caseload.template.sql; bench/sql/captured/caseload.sql
# is the copy kept in git), with its variables filled in.
TEMPLATE=$(dirname "$0")/results/sql/caseload.template.sql
[ -f "$TEMPLATE" ] || TEMPLATE=$(dirname "$0")/sql/captured/caseload.sql
QUERY=$(grep -v '^--' "$TEMPLATE" | sed -e "s/:therapist_id/$therapist/g" \
  -e "s/:clinic_id/$clinic/g" -e 's/;[[:space:]]*$//')
echo "-- $sessions sessions in the database; therapist $therapist has $patients patients"
# One session, the statement run once before (as on the application's pooled connections,
# whose catalog caches are warm; a fresh backend's first run costs several times more).
"${PSQL[@]}" -c '\o /dev/null' -c "$QUERY" -c '\o' -c "explain (analyze, buffers, costs off) $QUERY"
echo "-- execution time of 5 more runs in one session (server side):"
"${PSQL[@]}" -At -c '\o /dev/null' -c "$QUERY" -c '\o' \
  -c "explain (analyze, timing off, summary on, costs off) $QUERY" \
  -c "explain (analyze, timing off, summary on, costs off) $QUERY" \
  -c "explain (analyze, timing off, summary on, costs off) $QUERY" \
  -c "explain (analyze, timing off, summary on, costs off) $QUERY" \
  -c "explain (analyze, timing off, summary on, costs off) $QUERY" | grep -E "Execution Time"
