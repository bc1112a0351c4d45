-- The 1 statement(s) one request of caseload issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :clinic_id, :therapist_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
select p.id, p.display_name, a.adherence_7d, a.adherence_28d, a.pain_avg_7d, a.pain_baseline,
       a.last_session_at, a.computed_on, al.open, al.urgent, al.high
from (select m.patient_id from care_team_member m where m.therapist_id = ':therapist_id') m
cross join lateral (
    select p.id, u.display_name from patient p join app_user u on u.id = p.id
    where p.id = m.patient_id and p.clinic_id = ':clinic_id' and p.status = 'ACTIVE' limit 1) p
left join lateral (select * from patient_adherence where patient_id = p.id) a on true
cross join lateral (
    select count(*) as open,
           count(*) filter (where severity = 'URGENT') as urgent,
           count(*) filter (where severity = 'HIGH') as high
    from alert where patient_id = p.id and status <> 'RESOLVED') al
order by al.urgent desc, al.high desc, al.open desc, a.adherence_7d asc nulls last,
         a.last_session_at asc nulls first, p.id
limit '101' offset '0';
