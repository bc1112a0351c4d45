-- One logged session, shaped like PUT /v1/me/sessions/{id}'s writes (bench/capacity.sh): the
-- session row with its items as JSON (built in SQL: pgbench reads a colon in a literal as a variable), the patient's day summary, an outbox row. 10,000 patients.
\set p random(1, 10000)
begin;
insert into session_log (id, patient_id, started_at, ended_at, pain_before, pain_after, items, created_at)
values (gen_random_uuid(), md5(:p::text)::uuid, now() - interval '20 minutes', now(), 4, 3,
        jsonb_build_array(
          jsonb_build_object('exerciseId', gen_random_uuid(), 'sets', 2, 'reps', 10, 'holdSeconds', 0, 'difficulty', 'OK', 'painPeak', 4, 'note', null),
          jsonb_build_object('exerciseId', gen_random_uuid(), 'sets', 3, 'reps', 8, 'holdSeconds', 30, 'difficulty', 'HARD', 'painPeak', 5, 'note', null),
          jsonb_build_object('exerciseId', gen_random_uuid(), 'sets', 1, 'reps', 5, 'holdSeconds', 0, 'difficulty', 'EASY', 'painPeak', 3, 'note', null)),
        now());
insert into patient_day (patient_id, day, sessions, pain_sum) values (md5(:p::text)::uuid, current_date, 1, 3)
on conflict (patient_id, day) do update set sessions = patient_day.sessions + 1, pain_sum = patient_day.pain_sum + 3;
insert into outbox (patient_id, kind, created_at) values (md5(:p::text)::uuid, 'session-logged', now());
commit;
