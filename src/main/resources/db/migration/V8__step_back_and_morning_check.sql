-- Pain-monitoring model (issue 10).
--
-- dose_step_back_percent: when an item is at the easiest step of its chain and at its
-- starting dose, a step back (REGRESS, a flare-up, AUTO mode) keeps this share of the dose
-- (reps, hold or minutes; sets when nothing else), never below a per-field floor, so a step
-- back always has a meaning.
--
-- morning_check_min_hours: a next-morning check is accepted from the patient's next local
-- morning (04:00), and never sooner than this many hours after the session ended.
alter table clinic_settings
    add column dose_step_back_percent integer not null default 80
        check (dose_step_back_percent between 50 and 95),
    add column morning_check_min_hours integer not null default 6
        check (morning_check_min_hours between 0 and 24);
