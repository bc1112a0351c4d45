-- The 7 statement(s) one request of progress issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :patient_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
select p1_0.id,p1_0.clinic_id,p1_0.enrolled_at,p1_0.primary_therapist_id,p1_0.status,p1_0.time_zone from patient p1_0 where p1_0.id=':patient_id';
select p1_0.id,p1_0.clinic_id,p1_0.created_at,p1_0.created_by,p1_0.current_revision,p1_0.ended_at,p1_0.ended_by,p1_0.flare_started_on,p1_0.patient_id,p1_0.status from plan p1_0 where p1_0.patient_id=':patient_id' and p1_0.status='ACTIVE' fetch first '1' rows only;
select local_date, sessions, completion_sum from patient_day
where patient_id = ':patient_id' and local_date between '2026-11-01' and '2026-11-28';
select s.local_date, count(*), sum(s.pain_before), sum(s.pain_peak), sum(s.pain_after),
    max(case s.symptom_extent when 'BACK_ONLY' then 0 when 'BUTTOCK' then 1 when 'THIGH' then 2
        when 'BELOW_KNEE' then 3 else 4 end),
    coalesce(sum(m.pain), 0), count(m.pain)
from session_log s left join morning_check m on m.session_id = s.id
where s.patient_id = ':patient_id' and s.started_at >= '2026-10-31 00:00:00+00' and s.started_at < '2026-11-30 00:00:00+00' and s.local_date between '2026-11-01' and '2026-11-28'
group by s.local_date;
select s.local_date, cast(i ->> 'itemId' as uuid),
    count(*) filter (where i ->> 'status' <> 'SKIPPED'),
    count(*) filter (where i ->> 'status' = 'SKIPPED'),
    coalesce(sum(cast(i ->> 'sets' as int)) filter (where i ->> 'status' <> 'SKIPPED'), 0),
    count(i -> 'sets') filter (where i ->> 'status' <> 'SKIPPED'),
    coalesce(sum(cast(i ->> 'reps' as int)) filter (where i ->> 'status' <> 'SKIPPED'), 0),
    count(i -> 'reps') filter (where i ->> 'status' <> 'SKIPPED'),
    coalesce(sum(cast(i ->> 'holdSeconds' as int)) filter (where i ->> 'status' <> 'SKIPPED'), 0),
    count(i -> 'holdSeconds') filter (where i ->> 'status' <> 'SKIPPED'),
    coalesce(sum(cast(i ->> 'durationMinutes' as int)) filter (where i ->> 'status' <> 'SKIPPED'), 0),
    count(i -> 'durationMinutes') filter (where i ->> 'status' <> 'SKIPPED')
from session_log s cross join lateral jsonb_array_elements(s.items) i
where s.patient_id = ':patient_id' and s.started_at >= '2026-10-31 00:00:00+00' and s.started_at < '2026-11-30 00:00:00+00' and s.local_date between '2026-11-01' and '2026-11-28'
group by 1, 2 order by 1, 2;
select p.id, cast(p.ended_at at time zone 'Europe/Berlin' as date), r.revision, r.kind, r.effective_on,
    case when jsonb_typeof(r.content -> 'flare') = 'object'
         then coalesce(cast(r.content -> 'flare' ->> 'startedOn' as date), r.effective_on) end
from plan p join plan_revision r on r.plan_id = p.id
where p.patient_id = ':patient_id'
order by p.created_at, p.id, r.revision;
select 'RED_FLAG', cast(created_at at time zone 'Europe/Berlin' as date), cast(null as uuid), cast(null as text),
    cast(null as float8), cast(null as text)
from red_flag_check where patient_id = ':patient_id' and positive and created_at >= '2026-10-31 00:00:00+00' and created_at < '2026-11-30 00:00:00+00'
union all
select 'VISIT', visit_date, id, kind, null, null
from visit where patient_id = ':patient_id' and visit_date between '2026-11-01' and '2026-11-28'
union all
select 'OUTCOME', cast(answered_at at time zone 'Europe/Berlin' as date), id, instrument_id, cast(score as float8), band
from outcome_response where patient_id = ':patient_id' and answered_at >= '2026-10-31 00:00:00+00' and answered_at < '2026-11-30 00:00:00+00'
order by 2, 1, 3;
