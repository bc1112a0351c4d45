-- The 15 statement(s) one request of put_session issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :patient_id, :plan_id, :clinic_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
\set session_n random(100000000000, 999999999999)
BEGIN;
select p1_0.id,p1_0.clinic_id,p1_0.enrolled_at,p1_0.primary_therapist_id,p1_0.status,p1_0.time_zone from patient p1_0 where p1_0.id=':patient_id';
select pr1_0.plan_id,pr1_0.revision,pr1_0.changes,pr1_0.content,pr1_0.created_at,pr1_0.created_by,pr1_0.created_by_role,pr1_0.effective_on,pr1_0.kind,pr1_0.reason from plan_revision pr1_0 where (pr1_0.plan_id,pr1_0.revision) in ((':plan_id','3'));
select p1_0.id,p1_0.clinic_id,p1_0.created_at,p1_0.created_by,p1_0.current_revision,p1_0.ended_at,p1_0.ended_by,p1_0.patient_id,p1_0.status from plan p1_0 where p1_0.id=':plan_id';
select symptom_extent from session_log where patient_id = ':patient_id' and started_at < '2026-11-26 20:41:58+00'
order by started_at desc limit 1;
insert into session_log (id, patient_id, clinic_id, plan_id, plan_revision, started_at, ended_at,
    utc_offset_minutes, local_date, pain_before, pain_peak, pain_after, difficulty, symptom_extent,
    symptom_change, completion, items, note, body_hash, received_at, changed_at)
values (cast('b0000000-0000-4000-8000-' || cast(:session_n as text) as uuid), ':patient_id', ':clinic_id', ':plan_id', '3', '2026-11-26 20:41:58+00', '2026-11-26 21:01:58+00', '60', '2026-11-26', '3', '4', '2', '5', 'THIGH', 'PERIPHERALISING', '1.0000', cast('[{"itemId":"4f57381f-3f89-5a49-b95f-7a10f1ff27e5","status":"DONE"},{"itemId":"c33cde4f-b8b9-5d8e-1f13-122768cc2aa6","status":"DONE"},{"itemId":"8d3acba8-10a2-629b-398a-532e680d94f1","status":"DONE"},{"itemId":"1d0ee448-29ca-a359-6d87-edb1bf120aaf","status":"DONE"},{"itemId":"dc117612-3242-db95-c6ab-92ff893f7e05","status":"DONE"},{"itemId":"46e86731-aa12-2198-a550-0bd2f2b37167","status":"DONE"},{"itemId":"8fdd2cd0-be59-4e4d-8beb-aaf336c0bace","status":"DONE"}]' as jsonb), 'ok', '\x279b9f7432f5cdeb53aabc31d7fde12f818176006d7ba441a7f92594c08e7355', '2026-11-26 22:42:00.61172+00', '2026-11-26 22:42:00.61172+00')
on conflict (id) do nothing;
insert into patient_day (patient_id, local_date, sessions, completion_sum, pain_before_sum, pain_count)
values (':patient_id', '2026-11-26', 1, '1.0000', '3', 1)
on conflict (patient_id, local_date) do update set sessions = patient_day.sessions + 1,
    completion_sum = patient_day.completion_sum + excluded.completion_sum,
    pain_before_sum = patient_day.pain_before_sum + excluded.pain_before_sum,
    pain_count = patient_day.pain_count + 1;
select pr1_0.plan_id,pr1_0.revision,pr1_0.changes,pr1_0.content,pr1_0.created_at,pr1_0.created_by,pr1_0.created_by_role,pr1_0.effective_on,pr1_0.kind,pr1_0.reason from plan_revision pr1_0 where pr1_0.plan_id=':plan_id' order by pr1_0.revision;
select local_date, sessions, completion_sum, pain_before_sum, pain_count
from patient_day where patient_id = ':patient_id' and local_date >= '2026-08-11';
select ended_at from session_log where patient_id = ':patient_id' order by started_at desc limit 1;
insert into patient_adherence (patient_id, computed_on, adherence_7d, adherence_28d, adherence_all,
    streak_days, days_with_data_30, pain_avg_7d, pain_baseline, last_session_at, updated_at)
values (':patient_id', '2026-11-26', '0.1429', '0.2143', '0.1059', '1', '6', '3.00', '5.50', '2026-11-26 21:01:58+00', now())
on conflict (patient_id) do update set computed_on = excluded.computed_on,
    adherence_7d = excluded.adherence_7d, adherence_28d = excluded.adherence_28d,
    adherence_all = excluded.adherence_all, streak_days = excluded.streak_days,
    days_with_data_30 = excluded.days_with_data_30, pain_avg_7d = excluded.pain_avg_7d,
    pain_baseline = excluded.pain_baseline, last_session_at = excluded.last_session_at,
    updated_at = now();
select cs1_0.clinic_id,cs1_0.flare_min_days,cs1_0.flare_recovery_margin,cs1_0.inactivity_days,cs1_0.low_adherence_percent,cs1_0.pain_rise_points,cs1_0.progress_after_sessions,cs1_0.progress_max_pain,cs1_0.red_flag_message,cs1_0.regress_pain_above,cs1_0.target_difficulty,cs1_0.updated_at,cs1_0.updated_by,cs1_0.worse_mornings_in_a_row from clinic_settings cs1_0 where cs1_0.clinic_id=':clinic_id';
insert into alert (id, clinic_id, patient_id, kind, severity, status, cause, message, details, created_at)
values ('063ff5ef-db6c-46c7-9765-fa272b86d311', ':clinic_id', ':patient_id', 'PERIPHERALISATION', 'HIGH', 'OPEN', E'session\x3aa1bac6fa-585c-40ba-86df-8b367457ec43', 'Symptoms spread further down the leg (now thigh).', cast('{"symptomExtent":"THIGH","sessionId":"a1bac6fa-585c-40ba-86df-8b367457ec43"}' as jsonb), '2026-11-26 22:42:00.620314+00')
on conflict do nothing;
insert into audit_event (action,actor_role,actor_user_id,clinic_id,details,entity_id,entity_type,occurred_at,request_id) values ('logged','PATIENT',':patient_id',':clinic_id','{"completion": 1.0, "planRevision": 3}',cast('b0000000-0000-4000-8000-' || cast(:session_n as text) as uuid),'session','2026-11-26 22:42:00.620793+00','b0ff7cb7-cbbf-4e17-b006-7fd1547d54b0')
RETURNING *;
COMMIT;
