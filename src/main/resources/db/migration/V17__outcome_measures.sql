-- Outcome measures (issue 14, item 4 and 5): which instruments a patient is scheduled to answer,
-- the responses the phone submits (idempotent by the phone's UUID, like session_log), and each
-- clinic's licensed wording of an instrument per language. The instruments' structure and
-- scoring are code (app.glide.outcome), not rows: a response stores the instrument id and the
-- structure version it was answered against, and its score as computed when it arrived.
-- New tables get the application role's grants through V14's default privileges.

-- A therapist's schedule of one instrument for one patient (at most one per instrument).
create table outcome_schedule (
    patient_id      uuid not null references patient (id),
    instrument_id   text not null,
    clinic_id       uuid not null references clinic (id),
    at_evaluation   boolean not null,
    every_days      integer check (every_days between 7 and 180),
    at_discharge    boolean not null,
    -- The patient-local date the schedule starts from: "at evaluation" is due from here.
    starts_on       date not null,
    -- Set when the patient's discharge is signalled (a discharge visit, the status DISCHARGED).
    discharge_on    date,
    scheduled_by    uuid not null references app_user (id),
    changed_at      timestamptz not null,
    primary key (patient_id, instrument_id)
);

-- One submitted questionnaire. The key is per patient (an id another patient used is a new id
-- for this patient, as for sessions). body_hash is the SHA-256 of the canonical body: a replay
-- under the same id is the same response exactly when the hashes are equal.
create table outcome_response (
    id                  uuid not null,
    patient_id          uuid not null references patient (id),
    clinic_id           uuid not null references clinic (id),
    instrument_id       text not null,
    instrument_version  text not null,
    answered_at         timestamptz not null,
    answers             jsonb not null,
    score               numeric(5, 1) not null,
    band                text,
    subscores           jsonb not null,
    answered_items      smallint not null,
    body_hash           bytea not null,
    received_at         timestamptz not null,
    primary key (patient_id, id)
);
-- The baseline (first by answered_at), the series per instrument, and the latest response
-- the due logic counts from.
create index outcome_response_series on outcome_response (patient_id, instrument_id, answered_at, id);

-- A clinic's licensed wording of an instrument version in one language, as the FHIR R4
-- Questionnaire the clinic uploaded (checked against the structure before it is stored).
create table outcome_wording (
    clinic_id           uuid not null references clinic (id),
    instrument_id       text not null,
    instrument_version  text not null,
    language            text not null check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    questionnaire       jsonb not null,
    loaded_by           uuid not null references app_user (id),
    loaded_at           timestamptz not null,
    primary key (clinic_id, instrument_id, instrument_version, language)
);

-- Two alerts from outcome measures (alert/OutcomeAlerts): a score meaningfully worse than the
-- patient's baseline, and a high STarT Back risk at evaluation.
alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check check (kind in ('RED_FLAG', 'PAIN_RISING', 'WORSE_NEXT_MORNING',
    'PERIPHERALISATION', 'LOW_ADHERENCE', 'NO_ACTIVITY', 'FLARE_UP', 'PLAN_AUTO_ADJUSTED', 'OUTCOME_WORSENED',
    'HIGH_RISK_START_BACK'));
