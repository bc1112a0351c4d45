-- The 15 statement(s) one request of put_session issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :patient_id, :plan_id, :clinic_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
\set session_n random(100000000000, 999999999999)
BEGIN;
select pg_advisory_xact_lock('-1080126477', '858937471');
select pa.clinic_id, pa.time_zone, pl.patient_id, pl.status, pl.current_revision, pl.created_at,
       cs.pain_rise_points, cs.worse_mornings_in_a_row, cs.low_adherence_percent, cs.inactivity_days
from patient pa
left join plan pl on pl.id = ':plan_id'
left join clinic_settings cs on cs.clinic_id = pa.clinic_id
where pa.id = ':patient_id';
select (select symptom_extent from session_log where patient_id = ':patient_id' and started_at < '2026-11-28 07:52:55+00'
        order by started_at desc limit 1),
       n.id, n.symptom_extent, n.symptom_change
from (select 1) one left join lateral (
    select id, symptom_extent, symptom_change from session_log where patient_id = ':patient_id' and started_at > '2026-11-28 07:52:55+00'
    order by started_at limit 1) n on true;
insert into session_log (id, patient_id, clinic_id, plan_id, plan_revision, started_at, ended_at,
    utc_offset_minutes, local_date, pain_before, pain_peak, pain_after, difficulty, symptom_extent,
    symptom_change, completion, items, note, body_hash, received_at, changed_at)
values (cast('b0000000-0000-4000-8000-' || cast(:session_n as text) as uuid), ':patient_id', ':clinic_id', ':plan_id', '3', '2026-11-28 07:52:55+00', '2026-11-28 08:12:55+00', '60', '2026-11-28', '3', '4', '2', '5', 'THIGH', 'CENTRALISING', '1.0000', cast('[{"itemId":"4f57381f-3f89-5a49-b95f-7a10f1ff27e5","status":"DONE"},{"itemId":"c33cde4f-b8b9-5d8e-1f13-122768cc2aa6","status":"DONE"},{"itemId":"8d3acba8-10a2-629b-398a-532e680d94f1","status":"DONE"},{"itemId":"1d0ee448-29ca-a359-6d87-edb1bf120aaf","status":"DONE"},{"itemId":"dc117612-3242-db95-c6ab-92ff893f7e05","status":"DONE"},{"itemId":"46e86731-aa12-2198-a550-0bd2f2b37167","status":"DONE"},{"itemId":"8fdd2cd0-be59-4e4d-8beb-aaf336c0bace","status":"DONE"}]' as jsonb), 'ok', '\xc848cddd1c2e05a2439ac4c3636df24362bbf372d1ed8bdbddd4d71eebd83e33', '2026-11-28 09:52:57.764064+00', '2026-11-28 09:52:57.764064+00')
on conflict (patient_id, id) do nothing;
insert into patient_day (patient_id, local_date, sessions, completion_sum, pain_before_sum, pain_count)
values (':patient_id', '2026-11-28', 1, '1.0000', '3', 1)
on conflict (patient_id, local_date) do update set sessions = patient_day.sessions + 1,
    completion_sum = patient_day.completion_sum + excluded.completion_sum,
    pain_before_sum = patient_day.pain_before_sum + excluded.pain_before_sum,
    pain_count = patient_day.pain_count + 1;
select local_date, sessions, completion_sum, pain_before_sum, pain_count, null::timestamptz
from patient_day where patient_id = ':patient_id' and local_date >= '2026-08-13'
union all
(select null, null, null, null, null, ended_at from session_log where patient_id = ':patient_id'
 order by started_at desc limit 1);
insert into patient_adherence (patient_id, computed_on, adherence_7d, adherence_28d, adherence_all,
    streak_days, days_with_data_30, pain_avg_7d, pain_baseline, last_session_at, updated_at)
values (':patient_id', '2026-11-28', '0.2857', '0.1071', '0.0990', '1', '3', '3.20', '6.00', '2026-11-28 08:12:55+00', '2026-11-28 09:52:57.772207+00')
on conflict (patient_id) do update set computed_on = excluded.computed_on,
    adherence_7d = excluded.adherence_7d, adherence_28d = excluded.adherence_28d,
    adherence_all = excluded.adherence_all, streak_days = excluded.streak_days,
    days_with_data_30 = excluded.days_with_data_30, pain_avg_7d = excluded.pain_avg_7d,
    pain_baseline = excluded.pain_baseline, last_session_at = excluded.last_session_at,
    updated_at = excluded.updated_at;
select cs1_0.clinic_id,cs1_0.country,cs1_0.dose_step_back_percent,cs1_0.emergency_number,cs1_0.flare_min_days,cs1_0.flare_recovery_margin,cs1_0.inactivity_days,cs1_0.low_adherence_percent,cs1_0.morning_check_min_hours,cs1_0.pain_rise_points,cs1_0.phone,cs1_0.progress_after_sessions,cs1_0.progress_max_pain,cs1_0.red_flag_message,cs1_0.regress_pain_above,cs1_0.soreness_window_hours,cs1_0.target_difficulty,cs1_0.updated_at,cs1_0.updated_by,cs1_0.worse_mornings_in_a_row from clinic_settings cs1_0 where cs1_0.clinic_id=':clinic_id';
select s.id, s.plan_id, s.plan_revision, s.started_at, s.local_date, s.pain_before, s.pain_peak,
       s.difficulty, s.symptom_change, cast(s.items as text), m.answer, m.pain
from session_log s left join morning_check m on m.patient_id = s.patient_id and m.session_id = s.id
where s.patient_id = ':patient_id' order by s.started_at desc limit '40';
select w.given_at, w.ends, w.kind, w.visit_id from (
    select i.given_at, i.given_at + make_interval(hours => coalesce(s.soreness_window_hours, '48')) as ends,
        i.kind, i.visit_id, i.ordinal
    from visit_intervention i left join clinic_settings s on s.clinic_id = i.clinic_id
    where i.patient_id = ':patient_id' and i.kind in ('DRY_NEEDLING', 'MANUAL_THERAPY')
      and i.given_at > '2026-08-25 18:02:01+00' and i.given_at <= '2026-11-28 09:52:57.774105+00') w
where w.ends > w.given_at and w.ends > '2026-09-01 18:02:01+00'
order by w.given_at, w.visit_id, w.ordinal;
select (select string_agg(kind, ',') from alert where patient_id = ':patient_id' and status <> 'RESOLVED'
            and kind in ('RED_FLAG', 'PAIN_RISING', 'PERIPHERALISATION')),
       (select cast(avg(s.pain_peak) as float8) from session_log s where s.patient_id = ':patient_id'
            and s.local_date < (select min(local_date) + 7 from session_log where patient_id = ':patient_id'));
delete from pending_suggestion where patient_id = ':patient_id';
insert into audit_event (occurred_at, clinic_id, actor_user_id, actor_role, entity_type, entity_id,
    action, request_id, details)
values ('2026-11-28 09:52:57.775708+00', ':clinic_id', ':patient_id', 'PATIENT', 'session', cast('b0000000-0000-4000-8000-' || cast(:session_n as text) as uuid), 'logged', '80bf462c-1997-4379-acab-04a337ba9d85', cast('{"planRevision":3,"completion":1.0}' as jsonb));
COMMIT;
