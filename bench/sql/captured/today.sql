-- The 3 statement(s) one request of today issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :patient_id, :clinic_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
select pl.id, pl.current_revision, pa.time_zone, pl.clinic_id, pl.created_at,
       rf.created_at, cs.found, cs.red_flag_message, cs.phone, cs.country, cs.emergency_number,
(select coalesce(json_agg(json_build_array(s.instrument_id, s.at_evaluation, s.every_days,
            s.at_discharge, s.starts_on, s.discharge_on,
            (select max(r.answered_at) from outcome_response r
             where r.patient_id = s.patient_id and r.instrument_id = s.instrument_id
               and isfinite(r.answered_at)),
            (select json_object_agg(w.language, w.loaded_at) from outcome_wording w
             where w.clinic_id = s.clinic_id and w.instrument_id = s.instrument_id
               and w.instrument_version = '1'))
            order by s.instrument_id), '[]')::text
 from outcome_schedule s where s.patient_id = pl.patient_id)
from plan pl join patient pa on pa.id = pl.patient_id
left join lateral (
    select a.created_at from alert a
    where a.patient_id = pl.patient_id and a.kind = 'RED_FLAG' and a.status <> 'RESOLVED') rf on true
left join lateral (
    select true as found, s.red_flag_message, s.phone, s.country, s.emergency_number
    from clinic_settings s
    where s.clinic_id = pl.clinic_id and rf.created_at is not null
    offset 0) cs on true
where pl.patient_id = ':patient_id' and pl.status = 'ACTIVE';
select s.id, s.started_at, s.utc_offset_minutes, s.local_date, s.items, m.session_id is not null,
       s.ended_at, (select morning_check_min_hours from clinic_settings where clinic_id = ':clinic_id')
from session_log s left join morning_check m on m.patient_id = s.patient_id and m.session_id = s.id
where s.patient_id = ':patient_id' and s.started_at >= '2026-11-22 00:00:00+00' and s.local_date >= '2026-11-23'
order by s.started_at;
with latest as (
    select l.id from visit l where l.patient_id = ':patient_id' order by l.visit_date desc, l.created_at desc limit 1)
select v.id in (select id from latest), cast(vv.body as text),
    coalesce((select s.soreness_window_hours from clinic_settings s where s.clinic_id = v.clinic_id), '48')
from visit v join visit_version vv on vv.visit_id = v.id and vv.version = v.current_version
where v.patient_id = ':patient_id' and (v.id in (select id from latest) or v.id in (
    select i.visit_id from visit_intervention i
    where i.patient_id = ':patient_id' and (i.given_at > '2026-11-21 09:52:57.08784+00' or i.wear_until > '2026-11-28 09:52:57.08784+00')));
