-- Benchmark dataset, part 2: :sessions more logged sessions over the last 90 days, spread
-- evenly over the :patients patients of dataset.sql, then the roll-ups rebuilt from all
-- sessions (patient_day with one INSERT ... SELECT ... GROUP BY; patient_adherence from
-- patient_day). Can run more than once: the second run adds sessions (this is how the
-- benchmark measures the caseload at two dataset sizes).
--
-- psql variables: clinic_id, patients, sessions.
--
-- A session: a day in the last 90 (patient-local, Europe/Berlin), a start between 07:00
-- and 21:00 that is at least an hour ago, 10-30 minutes long, counted for the plan
-- revision in force that day (same formula as dataset.sql), pain easing over the 90 days
-- with noise, three in four complete (the others skip the last item), the item results
-- as the service stores them.

\set ON_ERROR_STOP on
begin;

create temp table bench_const on commit drop as
select (now() at time zone 'Europe/Berlin')::date as today;

-- What a session reports per plan item (the item ids of dataset.sql): all done, or the
-- last one skipped for lack of time.
create temp table bench_items on commit drop as
select p,
       jsonb_agg(jsonb_build_object('itemId', md5('bench-item-' || p || '-' || o)::uuid, 'status', 'DONE')
                 order by o) as done,
       jsonb_agg(case when o < 6 + p % 5
                      then jsonb_build_object('itemId', md5('bench-item-' || p || '-' || o)::uuid, 'status', 'DONE')
                      else jsonb_build_object('itemId', md5('bench-item-' || p || '-' || o)::uuid, 'status', 'SKIPPED',
                                              'skipReason', 'NO_TIME') end
                 order by o) as partial
from generate_series(1, :patients) p, generate_series(1, 10) o
where o <= 6 + p % 5
group by p;
alter table bench_items add primary key (p);

insert into session_log (id, patient_id, clinic_id, plan_id, plan_revision, started_at, ended_at, utc_offset_minutes,
                         local_date, pain_before, pain_peak, pain_after, difficulty, symptom_extent, symptom_change,
                         completion, items, note, body_hash, received_at, changed_at)
select gen_random_uuid(), md5('bench-patient-' || s.p)::uuid, :'clinic_id', md5('bench-plan-' || s.p)::uuid,
       least(2 + s.p % 3, 1 + ((s.started at time zone 'Europe/Berlin')::date - (c.today - 100)) / (90 / (2 + s.p % 3))),
       s.started, s.started + s.minutes * interval '1 minute',
       (extract(epoch from (s.started at time zone 'Europe/Berlin') - (s.started at time zone 'UTC')) / 60)::int,
       (s.started at time zone 'Europe/Berlin')::date,
       s.pain, least(10, s.pain + (s.r4 * 3)::int), greatest(0, least(10, s.pain - 1 + (s.r5 * 2)::int)),
       2 + (s.r5 * 6)::int,
       (array['BACK_ONLY', 'BUTTOCK', 'THIGH', 'THIGH', 'BELOW_KNEE', 'FOOT'])[1 + floor(s.r4 * 6)::int],
       case when s.r6 < 0.7 then 'UNCHANGED' when s.r6 < 0.9 then 'CENTRALISING' else 'PERIPHERALISING' end,
       case when s.r5 < 0.75 then 1 else round((0.4 + s.r6 * 0.6)::numeric, 4) end,
       case when s.r5 < 0.75 then i.done else i.partial end,
       case when s.r6 < 0.05 then 'Felt stiff this morning, easier after the glides.' end,
       sha256(convert_to(s.g::text || s.started::text, 'UTF8')),
       s.started + s.minutes * interval '1 minute', s.started + s.minutes * interval '1 minute'
from bench_const c,
lateral (
    select g, p, minutes, r4, r5, r6,
           -- pain 6 -> 3 over the 90 days, +-2 noise
           greatest(0, least(10, round(3 + 3 * days_back / 90.0 + (r3 - 0.5) * 4)::int)) as pain,
           case when t > now() - interval '1 hour' then t - interval '1 day' else t end as started
    from (
        select g, 1 + g % :patients as p, days_back, r3, r4, r5, r6, 10 + (r2 * 20)::int as minutes,
               date_trunc('second', ((c.today - days_back) + time '07:00' + r2 * interval '14 hours')
                                    at time zone 'Europe/Berlin') as t
        from (select g, (random() * 89.999)::int as days_back, random() as r2, random() as r3, random() as r4,
                     random() as r5, random() as r6
              from generate_series(1, :sessions) g) raw
    ) x
) s
join bench_items i on i.p = s.p;

-- Roll-ups, rebuilt from every session.
truncate patient_day;
insert into patient_day (patient_id, local_date, sessions, completion_sum, pain_before_sum, pain_count)
select patient_id, local_date, count(*), sum(completion), sum(pain_before), count(*)
from session_log
group by patient_id, local_date;

-- Adherence snapshot (an approximation of what the service computes: share of the last
-- 7 / 28 / all days with a session; the caseload reads one row per patient either way).
delete from patient_adherence;
insert into patient_adherence (patient_id, computed_on, adherence_7d, adherence_28d, adherence_all, streak_days,
                               days_with_data_30, pain_avg_7d, pain_baseline, last_session_at, updated_at)
select pa.id, c.today,
       round(count(*) filter (where d.local_date > c.today - 7) / 7.0, 4),
       round(count(*) filter (where d.local_date > c.today - 28) / 28.0, 4),
       round(least(1, count(d.local_date) / 90.0), 4),
       count(*) filter (where d.local_date > c.today - 3),
       count(*) filter (where d.local_date > c.today - 30),
       round(sum(d.pain_before_sum) filter (where d.local_date > c.today - 7)
             / nullif(sum(d.pain_count) filter (where d.local_date > c.today - 7), 0), 2),
       round(sum(d.pain_before_sum) filter (where d.local_date <= c.today - 83)
             / nullif(sum(d.pain_count) filter (where d.local_date <= c.today - 83), 0), 2),
       (select max(l.started_at) from session_log l where l.patient_id = pa.id),
       now()
from bench_const c
cross join patient pa
left join patient_day d on d.patient_id = pa.id
where pa.clinic_id = :'clinic_id'
group by pa.id, c.today;

commit;
