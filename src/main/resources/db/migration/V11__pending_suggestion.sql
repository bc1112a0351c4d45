-- Whether a patient has a suggestion waiting for the therapist (PROGRESS or REGRESS that
-- would apply and was neither accepted nor declined), so the caseload can say so for every
-- patient with one primary-key probe instead of running the suggestion rules per patient.
-- Kept by the application (SuggestionService) in the transaction of whatever may change
-- the suggestions: a session, a next-morning check, a red flag or resolved alert, any new
-- plan revision, an accepted or declined suggestion. No row: nothing pending.
create table pending_suggestion (
    patient_id uuid primary key references patient (id),
    plan_id    uuid not null references plan (id),
    -- the pending actions, most urgent first: 'REGRESS', 'PROGRESS' or 'REGRESS,PROGRESS'
    actions    text not null check (actions in ('REGRESS', 'PROGRESS', 'REGRESS,PROGRESS')),
    updated_at timestamptz not null
);
