-- Issue 15, item 5: the transactional push outbox. A row is written in the transaction of the
-- change it announces (a therapist's message, a plan revision, ...) or by the push job for the
-- time-based kinds, and sent later by push/PushDispatcher. Rows carry ids only, never health
-- details. New tables get the application role's grants through V14's default privileges.
create table push_outbox (
    id              uuid primary key,
    patient_id      uuid not null references patient (id),
    kind            text not null check (kind in ('MESSAGE', 'PLAN_REVISED', 'QUESTIONNAIRE_DUE', 'NUDGE',
                                                  'CARE_INSTRUCTION')),
    -- What the app fetches (a message id, a plan id, a questionnaire or visit id); null for NUDGE.
    ref_id          text check (length(ref_id) <= 200),
    urgent          boolean not null,
    -- The patient's local day when the row was written (their time zone then).
    local_day       date not null,
    created_at      timestamptz not null,
    status          text not null check (status in ('PENDING', 'SENT', 'FAILED', 'DROPPED')),
    attempts        integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text check (length(last_error) <= 1000),
    sent_at         timestamptz
);
-- At most one of each kind per patient and local day (urgent ones are never merged): writers
-- insert ... on conflict do nothing.
create unique index push_outbox_once_a_day on push_outbox (patient_id, kind, local_day) where not urgent;
-- The dispatcher's claim (and the pending gauges): pending rows by due time.
create index push_outbox_pending on push_outbox (next_attempt_at) where status = 'PENDING';
