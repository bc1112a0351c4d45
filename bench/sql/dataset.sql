-- Benchmark dataset, part 1: people and plans (no sessions; see sessions.sql).
--
-- psql variables: clinic_id (the bootstrapped clinic), therapists, patients, pwhash (one
-- bcrypt hash shared by every therapist).
--
-- Ids are md5-derived, so they look random (like UUIDv4 in the index) but are known to the
-- scripts without a lookup:
--   therapist t : md5('bench-therapist-' || t)::uuid        t = 1..therapists
--   patient p   : md5('bench-patient-' || p)::uuid          p = 1..patients
--   plan of p   : md5('bench-plan-' || p)::uuid
-- Patient p's primary therapist is t = 1 + (p - 1) % therapists, so with 10,000 patients
-- and 100 therapists every therapist has exactly 100 patients on their care team.
-- Plan of p: created 100 days ago, 2 + p % 3 revisions (revision r effective from
-- day 100 - (r - 1) * (90 / revisions) before today), 6 + p % 5 items.
-- The revision JSON is what PlanService writes (records PlanContent / PlanItem / Dosage /
-- Schedule / Progression, nulls left out; Schedule.isFlexible() is written as "flexible").
-- Checked by replacing a generated plan through PUT /v1/patients/{id}/plan with the same
-- items and comparing the new revision's content with the generated one.

\set ON_ERROR_STOP on
begin;

create temp table bench_const on commit drop as
select (now() at time zone 'Europe/Berlin')::date as today;

insert into app_user (id, clinic_id, role, email, password_hash, display_name, active, created_at, updated_at, version)
select md5('bench-therapist-' || t)::uuid, :'clinic_id', 'THERAPIST',
       format('therapist%s@bench.glide.example', lpad(t::text, 3, '0')), :'pwhash',
       format('Therapist %s', lpad(t::text, 3, '0')), true,
       now() - interval '400 days', now() - interval '400 days', 0
from generate_series(1, :therapists) t;

insert into app_user (id, clinic_id, role, email, password_hash, display_name, active, created_at, updated_at, version)
select md5('bench-patient-' || p)::uuid, :'clinic_id', 'PATIENT', null, null,
       format('Patient %s', lpad(p::text, 5, '0')), true,
       now() - interval '101 days', now() - interval '101 days', 0
from generate_series(1, :patients) p;

insert into patient (id, clinic_id, primary_therapist_id, time_zone, status, enrolled_at)
select md5('bench-patient-' || p)::uuid, :'clinic_id',
       md5('bench-therapist-' || (1 + (p - 1) % :therapists))::uuid,
       'Europe/Berlin', 'ACTIVE', now() - interval '100 days'
from generate_series(1, :patients) p;

insert into care_team_member (patient_id, therapist_id, added_at, added_by)
select md5('bench-patient-' || p)::uuid, md5('bench-therapist-' || (1 + (p - 1) % :therapists))::uuid,
       now() - interval '101 days', md5('bench-therapist-' || (1 + (p - 1) % :therapists))::uuid
from generate_series(1, :patients) p;

insert into plan (id, patient_id, clinic_id, status, current_revision, created_at, created_by)
select md5('bench-plan-' || p)::uuid, md5('bench-patient-' || p)::uuid, :'clinic_id', 'ACTIVE',
       2 + p % 3, ((select today from bench_const) - 100) + time '10:00' at time zone 'Europe/Berlin',
       md5('bench-therapist-' || (1 + (p - 1) % :therapists))::uuid
from generate_series(1, :patients) p;

-- The plan's exercises: 6..10 distinct library exercises per patient, in a per-patient order.
create temp table bench_item on commit drop as
select p.p, x.ord, md5('bench-item-' || p.p || '-' || x.ord)::uuid as item_id, x.id as exercise_id,
       x.default_dosage,
       case x.dosage_type when 'REPS' then 'reps' when 'HOLD' then 'holdSeconds' else 'durationMinutes' end as field,
       case x.dosage_type when 'REPS' then 2 when 'HOLD' then 5 else 5 end as inc,
       x.chain is not null as has_chain
from generate_series(1, :patients) p(p)
cross join lateral (
    select e.id, e.default_dosage, e.dosage_type, e.chain,
           row_number() over (order by md5(e.id::text || p.p)) as ord
    from exercise e
    where e.clinic_id is null
    order by md5(e.id::text || p.p)
    limit 6 + p.p % 5) x;

-- Revisions: r = 1 is the CREATED one; later ones raise every dosage by one step (ADJUSTED).
insert into plan_revision (plan_id, revision, created_at, created_by, created_by_role, kind, reason, effective_on,
                           changes, content)
select md5('bench-plan-' || r.p)::uuid, r.rev,
       r.effective_on + time '10:00' at time zone 'Europe/Berlin',
       md5('bench-therapist-' || (1 + (r.p - 1) % :therapists))::uuid, 'THERAPIST',
       case when r.rev = 1 then 'CREATED' else 'ADJUSTED' end,
       case when r.rev = 1 then 'Initial home programme' else 'Tolerating the current dosage well; progressing' end,
       r.effective_on,
       case when r.rev = 1 then jsonb_build_array(format('Plan created with %s exercise(s)', count(*)))
            else jsonb_build_array(format('Raised the dosage of %s exercise(s)', count(*))) end,
       jsonb_build_object(
           'name', 'Home exercise plan',
           'scalePercent', 100,
           'paused', false,
           'adjustmentMode', 'MANUAL',
           'educationCardIds', '[]'::jsonb,
           'items', jsonb_agg(
               jsonb_strip_nulls(jsonb_build_object(
                   'id', i.item_id,
                   'exerciseId', i.exercise_id,
                   'dosage', i.default_dosage || jsonb_build_object(i.field,
                                  (i.default_dosage ->> i.field)::int + (r.rev - 1) * i.inc),
                   'since', r.effective_on,
                   'schedule', case i.ord % 3
                                   when 0 then jsonb_build_object('sessionsPerWeek', 3, 'flexible', true)
                                   when 1 then jsonb_build_object('daysOfWeek', jsonb_build_array(
                                       'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'),
                                       'flexible', false)
                                   else jsonb_build_object('daysOfWeek', jsonb_build_array('MONDAY', 'WEDNESDAY', 'FRIDAY'),
                                                           'flexible', false)
                               end,
                   'progression', case when i.ord % 3 <> 0 then jsonb_build_object(
                                      'field', i.field, 'increment', i.inc, 'everyDays', 7,
                                      'cap', (i.default_dosage ->> i.field)::int + 5 * i.inc,
                                      'advanceChain', i.has_chain) end,
                   'startValue', case when i.ord % 3 <> 0 then
                                     (i.default_dosage ->> i.field)::int + (r.rev - 1) * i.inc end,
                   'paused', false))
               order by i.ord))
from (select p, rev, 2 + p % 3 as revs,
             ((select today from bench_const) - 100) + (rev - 1) * (90 / (2 + p % 3)) as effective_on
      from generate_series(1, :patients) p, generate_series(1, 4) rev
      where rev <= 2 + p % 3) r
join bench_item i on i.p = r.p
group by r.p, r.rev, r.effective_on;

-- Alert thresholds of the clinic (the defaults) and a few open alerts, as a live clinic has.
insert into clinic_settings (clinic_id) values (:'clinic_id') on conflict do nothing;

insert into alert (id, clinic_id, patient_id, kind, severity, status, cause, message, details, created_at)
select md5('bench-alert-low-' || p)::uuid, :'clinic_id', md5('bench-patient-' || p)::uuid,
       'LOW_ADHERENCE', 'NORMAL', 'OPEN', to_char(now() - interval '7 days', 'IYYY-"W"IW'),
       'Did fewer than half of the prescribed sessions last week.', null, now() - interval '2 days'
from generate_series(1, :patients) p
where p % 33 = 0;

insert into alert (id, clinic_id, patient_id, kind, severity, status, cause, message, details, created_at)
select md5('bench-alert-pain-' || p)::uuid, :'clinic_id', md5('bench-patient-' || p)::uuid,
       'PAIN_RISING', 'HIGH', 'OPEN', 'week-' || to_char(now(), 'IYYY-"W"IW'),
       'Pain before sessions rose by 2 points or more against the baseline.', null, now() - interval '1 day'
from generate_series(1, :patients) p
where p % 97 = 0;

commit;
