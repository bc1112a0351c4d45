#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the caseload query (GET /v1/caseload) for the benchmark's
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
# The statement CaseloadService issues for a therapist (first page of 100).
read -r -d '' QUERY <<SQL || true
select p.id, (select display_name from app_user where id = p.id), a.adherence_7d, a.adherence_28d, a.pain_avg_7d, a.pain_baseline,
       a.last_session_at, a.computed_on, al.open, al.urgent, al.high
from (select p.id
      from care_team_member m
      join patient p on p.id = m.patient_id
      where m.therapist_id = '$therapist' and p.clinic_id = '$clinic' and p.status = 'ACTIVE') p
left join lateral (select * from patient_adherence where patient_id = p.id) a on true
cross join lateral (
    select count(*) as open,
           count(*) filter (where severity = 'URGENT') as urgent,
           count(*) filter (where severity = 'HIGH') as high
    from alert where patient_id = p.id and status <> 'RESOLVED') al
order by al.urgent desc, al.high desc, al.open desc, a.adherence_7d asc nulls last,
         a.last_session_at asc nulls first, p.id
limit 101 offset 0
SQL
echo "-- $sessions sessions in the database; therapist $therapist has $patients patients"
"${PSQL[@]}" -c "explain (analyze, buffers, costs off) $QUERY"
echo "-- execution time of 5 more runs (server side):"
for _ in 1 2 3 4 5; do
  "${PSQL[@]}" -At -c "explain (analyze, timing off, summary on, costs off) $QUERY" | grep -E "Execution Time"
done
