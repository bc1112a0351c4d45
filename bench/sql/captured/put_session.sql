-- The 9 statement(s) one request of put_session issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :patient_id, :plan_id, :clinic_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
\set session_n random(100000000000, 999999999999)
BEGIN;
select pa.clinic_id, pa.time_zone, pl.patient_id, pl.status, pl.current_revision, pl.created_at,
       cs.pain_rise_points, cs.worse_mornings_in_a_row, cs.low_adherence_percent, cs.inactivity_days
from patient pa
left join plan pl on pl.id = ':plan_id'
left join clinic_settings cs on cs.clinic_id = pa.clinic_id
where pa.id = ':patient_id';
select symptom_extent from session_log where patient_id = ':patient_id' and started_at < '2026-11-26 22:39:47+00'
order by started_at desc limit 1;
insert into session_log (id, patient_id, clinic_id, plan_id, plan_revision, started_at, ended_at,
    utc_offset_minutes, local_date, pain_before, pain_peak, pain_after, difficulty, symptom_extent,
    symptom_change, completion, items, note, body_hash, received_at, changed_at)
values (cast('b0000000-0000-4000-8000-' || cast(:session_n as text) as uuid), ':patient_id', ':clinic_id', ':plan_id', '3', '2026-11-26 22:39:47+00', '2026-11-26 22:59:47+00', '60', '2026-11-26', '3', '4', '2', '5', 'THIGH', 'CENTRALISING', '1.0000', cast('[{"itemId":"4f57381f-3f89-5a49-b95f-7a10f1ff27e5","status":"DONE"},{"itemId":"c33cde4f-b8b9-5d8e-1f13-122768cc2aa6","status":"DONE"},{"itemId":"8d3acba8-10a2-629b-398a-532e680d94f1","status":"DONE"},{"itemId":"1d0ee448-29ca-a359-6d87-edb1bf120aaf","status":"DONE"},{"itemId":"dc117612-3242-db95-c6ab-92ff893f7e05","status":"DONE"},{"itemId":"46e86731-aa12-2198-a550-0bd2f2b37167","status":"DONE"},{"itemId":"8fdd2cd0-be59-4e4d-8beb-aaf336c0bace","status":"DONE"}]' as jsonb), 'ok', '\xfd37d23d5481effc31d86f214364ffc24e1e3ec5c9ea079d530ee62616da6bfc', '2026-11-27 00:39:49.729002+00', '2026-11-27 00:39:49.729002+00')
on conflict (patient_id, id) do nothing;
insert into patient_day (patient_id, local_date, sessions, completion_sum, pain_before_sum, pain_count)
values (':patient_id', '2026-11-26', 1, '1.0000', '3', 1)
on conflict (patient_id, local_date) do update set sessions = patient_day.sessions + 1,
    completion_sum = patient_day.completion_sum + excluded.completion_sum,
    pain_before_sum = patient_day.pain_before_sum + excluded.pain_before_sum,
    pain_count = patient_day.pain_count + 1;
select local_date, sessions, completion_sum, pain_before_sum, pain_count, null::timestamptz
from patient_day where patient_id = ':patient_id' and local_date >= '2026-08-12'
union all
(select null, null, null, null, null, ended_at from session_log where patient_id = ':patient_id'
 order by started_at desc limit 1);
insert into patient_adherence (patient_id, computed_on, adherence_7d, adherence_28d, adherence_all,
    streak_days, days_with_data_30, pain_avg_7d, pain_baseline, last_session_at, updated_at)
values (':patient_id', '2026-11-27', '0.1667', '0.1691', '0.1057', '1', '5', '3.00', '5.33', '2026-11-26 22:59:47+00', now())
on conflict (patient_id) do update set computed_on = excluded.computed_on,
    adherence_7d = excluded.adherence_7d, adherence_28d = excluded.adherence_28d,
    adherence_all = excluded.adherence_all, streak_days = excluded.streak_days,
    days_with_data_30 = excluded.days_with_data_30, pain_avg_7d = excluded.pain_avg_7d,
    pain_baseline = excluded.pain_baseline, last_session_at = excluded.last_session_at,
    updated_at = now();
insert into audit_event (occurred_at, clinic_id, actor_user_id, actor_role, entity_type, entity_id,
    action, request_id, details)
values ('2026-11-27 00:39:49.736868+00', ':clinic_id', ':patient_id', 'PATIENT', 'session', cast('b0000000-0000-4000-8000-' || cast(:session_n as text) as uuid), 'logged', '16a136a0-20aa-4b07-9deb-a2867bc5cdac', cast('{"completion":1.0,"planRevision":3}' as jsonb));
COMMIT;
