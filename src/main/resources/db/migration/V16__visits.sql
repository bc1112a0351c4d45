-- Visits: the evaluation and the follow-ups in the clinic, what was found and what was done
-- (issue 14, items 1-3; docs/visits.md). Append-only like plan revisions: a visit is a head
-- row pointing at its current version; an amendment adds a version, never edits one.

create table visit (
    id              uuid primary key,
    clinic_id       uuid not null references clinic (id),
    patient_id      uuid not null references patient (id),
    -- The current version's kind and date (an amendment may correct them).
    kind            text not null check (kind in ('EVALUATION', 'FOLLOW_UP', 'DISCHARGE')),
    visit_date      date not null,
    current_version integer not null check (current_version >= 1),
    created_by      uuid not null references app_user (id),
    created_at      timestamptz not null
);
-- A patient's visits newest first (the lists, keyset-paged by date and id; the latest visit
-- for /v1/me/today).
create index visit_patient_date on visit (patient_id, visit_date desc, id desc);

create table visit_version (
    visit_id   uuid not null references visit (id),
    version    integer not null check (version >= 1),
    -- Kind, date, findings, interventions, next visit, notes (visit/VisitContent).
    body       jsonb not null check (jsonb_typeof(body) = 'object'),
    written_by uuid not null references app_user (id),
    written_at timestamptz not null,
    -- Why an amendment was made; the original (version 1) has none.
    reason     text check (length(reason) between 1 and 500),
    check ((version = 1) = (reason is null)),
    primary key (visit_id, version)
);

create function visit_version_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'visit_version rows are immutable: % is not allowed', tg_op;
end;
$$;
create trigger visit_version_no_update before update or delete on visit_version
    for each row execute function visit_version_is_immutable();

-- The current version's interventions, one row each, so that rules can ask "what was done
-- to this patient around this time" without reading bodies. Replaced as a whole (in the
-- amending transaction) when a visit is amended.
create table visit_intervention (
    visit_id   uuid not null references visit (id),
    ordinal    integer not null check (ordinal >= 0),
    patient_id uuid not null references patient (id),
    clinic_id  uuid not null references clinic (id),
    kind       text not null check (kind in ('MANUAL_THERAPY', 'DRY_NEEDLING', 'KINESIOLOGY_TAPING', 'EDUCATION')),
    given_at   timestamptz not null,
    given_by   uuid not null references app_user (id),
    -- Taping only: until when the patient should keep the tape on.
    wear_until timestamptz,
    check ((kind = 'KINESIOLOGY_TAPING') = (wear_until is not null)),
    primary key (visit_id, ordinal)
);
-- The soreness windows (visit/SorenessWindows) and the care instructions of /v1/me/today:
-- a patient's interventions by time.
create index visit_intervention_patient_given on visit_intervention (patient_id, given_at);

-- After needling or manual therapy, how long soreness is expected (issue 14, item 3).
alter table clinic_settings
    add column soreness_window_hours integer not null default 48 check (soreness_window_hours between 0 and 168);

-- The plan revision written at or after a visit points to it.
alter table plan_revision add column visit_id uuid references visit (id);
-- The visit view lists the revisions that point to it.
create index plan_revision_visit on plan_revision (visit_id) where visit_id is not null;

-- Versions are a record: the service adds them and reads them, never changes or removes
-- one (the trigger refuses it too). The other new tables get V14's default privileges.
do $insert_only$
declare
    app text := '${app_role}';
    s text := '${flyway:defaultSchema}';
begin
    if app = '' or app = current_user then
        return;
    end if;
    execute format('revoke update, delete, truncate on table %I.visit_version from %I', s, app);
end;
$insert_only$;
