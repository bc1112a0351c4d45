-- The 1 statement(s) one request of caseload issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :clinic_id, :therapist_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
select * from (
    select p.id as patient_id, p.display_name, a.adherence_7d, a.adherence_28d, a.pain_avg_7d,
           a.pain_baseline, a.last_session_at, a.computed_on, al.open, al.urgent, al.high, al.kinds,
           pl.flare_started_on, ps.actions, oc.odi_latest, oc.odi_baseline, oc.risk
    from (select m.patient_id from care_team_member m where m.therapist_id = ':therapist_id') m
cross join lateral (
    select p.id, u.display_name from patient p join app_user u on u.id = p.id
    where p.id = m.patient_id and p.clinic_id = ':clinic_id' and p.status = 'ACTIVE' limit 1) p
    left join lateral (select * from patient_adherence where patient_id = p.id) a on true
    cross join lateral (
        select count(*)::int as open,
               count(*) filter (where severity = 'URGENT')::int as urgent,
               count(*) filter (where severity = 'HIGH')::int as high,
               array_agg(kind order by case severity when 'URGENT' then 0 when 'HIGH' then 1 else 2 end,
                         created_at desc) as kinds
        from alert where patient_id = p.id and status <> 'RESOLVED') al
    left join lateral (
        select flare_started_on from plan where patient_id = p.id and status = 'ACTIVE' limit 1) pl on true
    left join pending_suggestion ps on ps.patient_id = p.id
    cross join lateral (select (select r.score from outcome_response r where r.patient_id = p.id and r.instrument_id = 'odi-2.1a'
        and r.instrument_version = '1' order by r.answered_at desc, r.received_at desc, r.id desc limit 1)
           as odi_latest,
       (select r.score from outcome_response r where r.patient_id = p.id and r.instrument_id = 'odi-2.1a'
        and r.instrument_version = '1' order by r.answered_at, r.received_at, r.id limit 1) as odi_baseline,
       (select r.band from outcome_response r where r.patient_id = p.id and r.instrument_id = 'startback-9'
        order by r.answered_at desc, r.received_at desc, r.id desc limit 1) as risk) oc) c

order by urgent desc, high desc, open desc, adherence_7d asc nulls last, last_session_at asc nulls first, patient_id
limit '101';
