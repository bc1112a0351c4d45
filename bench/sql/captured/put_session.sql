-- The 16 statement(s) one request of put_session issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :patient_id, :plan_id, :clinic_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
\set session_n random(100000000000, 999999999999)
BEGIN;
select p1_0.id,p1_0.clinic_id,p1_0.enrolled_at,p1_0.primary_therapist_id,p1_0.status,p1_0.time_zone from patient p1_0 where p1_0.id=':patient_id';
select pr1_0.plan_id,pr1_0.revision,pr1_0.changes,pr1_0.content,pr1_0.created_at,pr1_0.created_by,pr1_0.created_by_role,pr1_0.effective_on,pr1_0.kind,pr1_0.reason from plan_revision pr1_0 where (pr1_0.plan_id,pr1_0.revision) in ((':plan_id','3'));
select p1_0.id,p1_0.clinic_id,p1_0.created_at,p1_0.created_by,p1_0.current_revision,p1_0.ended_at,p1_0.ended_by,p1_0.patient_id,p1_0.status from plan p1_0 where p1_0.id=':plan_id';
select symptom_extent from session_log where patient_id = ':patient_id' and started_at < '2026-11-26 20:06:47+00'
order by started_at desc limit 1;
insert into session_log (id, patient_id, clinic_id, plan_id, plan_revision, started_at, ended_at,
    utc_offset_minutes, local_date, pain_before, pain_peak, pain_after, difficulty, symptom_extent,
    symptom_change, completion, items, note, body_hash, received_at, changed_at)
values (cast('b0000000-0000-4000-8000-' || cast(:session_n as text) as uuid), ':patient_id', ':clinic_id', ':plan_id', '3', '2026-11-26 20:06:47+00', '2026-11-26 20:26:47+00', '60', '2026-11-26', '3', '4', '2', '5', 'THIGH', 'PERIPHERALISING', '1.0000', cast('[{"itemId":"4f57381f-3f89-5a49-b95f-7a10f1ff27e5","status":"DONE"},{"itemId":"c33cde4f-b8b9-5d8e-1f13-122768cc2aa6","status":"DONE"},{"itemId":"8d3acba8-10a2-629b-398a-532e680d94f1","status":"DONE"},{"itemId":"1d0ee448-29ca-a359-6d87-edb1bf120aaf","status":"DONE"},{"itemId":"dc117612-3242-db95-c6ab-92ff893f7e05","status":"DONE"},{"itemId":"46e86731-aa12-2198-a550-0bd2f2b37167","status":"DONE"},{"itemId":"8fdd2cd0-be59-4e4d-8beb-aaf336c0bace","status":"DONE"}]' as jsonb), 'ok', '\x38ef5034b54918295ecfddcc61a9004cac08f5bc3aa44b94067cfa2019b2579c', '2026-11-26 22:06:49.65681+00', '2026-11-26 22:06:49.65681+00')
on conflict (id) do nothing;
insert into patient_day (patient_id, local_date, sessions, completion_sum, pain_before_sum, pain_count)
values (':patient_id', '2026-11-26', 1, '1.0000', '3', 1)
on conflict (patient_id, local_date) do update set sessions = patient_day.sessions + 1,
    completion_sum = patient_day.completion_sum + excluded.completion_sum,
    pain_before_sum = patient_day.pain_before_sum + excluded.pain_before_sum,
    pain_count = patient_day.pain_count + 1;
select p1_0.id,p1_0.clinic_id,p1_0.created_at,p1_0.created_by,p1_0.current_revision,p1_0.ended_at,p1_0.ended_by,p1_0.patient_id,p1_0.status from plan p1_0 where p1_0.patient_id=':patient_id' and p1_0.status='ACTIVE' fetch first '1' rows only;
select pr1_0.plan_id,pr1_0.revision,pr1_0.changes,pr1_0.content,pr1_0.created_at,pr1_0.created_by,pr1_0.created_by_role,pr1_0.effective_on,pr1_0.kind,pr1_0.reason from plan_revision pr1_0 where pr1_0.plan_id=':plan_id' order by pr1_0.revision;
select local_date, sessions, completion_sum, pain_before_sum, pain_count
from patient_day where patient_id = ':patient_id' and local_date >= '2026-08-11';
select max(ended_at) from session_log where patient_id = ':patient_id';
insert into patient_adherence (patient_id, computed_on, adherence_7d, adherence_28d, adherence_all,
    streak_days, days_with_data_30, pain_avg_7d, pain_baseline, last_session_at, updated_at)
values (':patient_id', '2026-11-26', '0.1429', '0.1071', '0.1089', '1', '4', '3.00', '7.00', '2026-11-26 20:26:47+00', now())
on conflict (patient_id) do update set computed_on = excluded.computed_on,
    adherence_7d = excluded.adherence_7d, adherence_28d = excluded.adherence_28d,
    adherence_all = excluded.adherence_all, streak_days = excluded.streak_days,
    days_with_data_30 = excluded.days_with_data_30, pain_avg_7d = excluded.pain_avg_7d,
    pain_baseline = excluded.pain_baseline, last_session_at = excluded.last_session_at,
    updated_at = now();
select cs1_0.clinic_id,cs1_0.flare_min_days,cs1_0.flare_recovery_margin,cs1_0.inactivity_days,cs1_0.low_adherence_percent,cs1_0.pain_rise_points,cs1_0.progress_after_sessions,cs1_0.progress_max_pain,cs1_0.red_flag_message,cs1_0.regress_pain_above,cs1_0.target_difficulty,cs1_0.updated_at,cs1_0.updated_by,cs1_0.worse_mornings_in_a_row from clinic_settings cs1_0 where cs1_0.clinic_id=':clinic_id';
insert into alert (id, clinic_id, patient_id, kind, severity, status, cause, message, details, created_at)
values ('6f8bc4b8-9768-4fa7-a52d-d8093c55d1ac', ':clinic_id', ':patient_id', 'PERIPHERALISATION', 'HIGH', 'OPEN', 'session:28fd1141-bf82-4186-a4c2-9ec9ed33f688', 'Symptoms spread further down the leg (now thigh).', cast('{"symptomExtent":"THIGH","sessionId":"28fd1141-bf82-4186-a4c2-9ec9ed33f688"}' as jsonb), '2026-11-26 22:06:49.675861+00')
on conflict do nothing;
insert into audit_event (action,actor_role,actor_user_id,clinic_id,details,entity_id,entity_type,occurred_at,request_id) values ('logged','PATIENT',':patient_id',':clinic_id','{"completion": 1.0, "planRevision": 3}',cast('b0000000-0000-4000-8000-' || cast(:session_n as text) as uuid),'session','2026-11-26 22:06:49.677038+00','ebd2c450-225a-4323-9159-a2ab8c9fafab')
RETURNING *;
COMMIT;
