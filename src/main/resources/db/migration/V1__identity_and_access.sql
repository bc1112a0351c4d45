-- Identity, tenancy, tokens, rate limits and the audit trail.
-- Clinics are tenants; every row that belongs to a clinic carries clinic_id so that
-- tenant filters are a plain indexed equality (and a future Citus distribution column).

create table clinic (
    id          uuid primary key,
    name        text not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now()
);

-- Every person who can hold a token: clinic admins, therapists and patients.
create table app_user (
    id            uuid primary key,
    clinic_id     uuid not null references clinic (id),
    role          text not null check (role in ('ADMIN', 'THERAPIST', 'PATIENT')),
    email         text,
    password_hash text,
    display_name  text not null check (length(display_name) between 1 and 100),
    active        boolean not null default true,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint not null default 0,
    -- Staff log in with email + password; patients only through enrolment codes.
    constraint app_user_credentials check (
        (role = 'PATIENT' and email is null and password_hash is null)
        or (role <> 'PATIENT' and email is not null and password_hash is not null))
);
-- Login looks the account up by email, case-insensitively, across clinics.
create unique index app_user_email_uq on app_user (lower(email)) where email is not null;
-- Staff lists per clinic, ordered by name (cursor pagination on (lower(name), id)).
create index app_user_clinic_role_name on app_user (clinic_id, role, lower(display_name), id);

create table patient (
    id                   uuid primary key references app_user (id),
    clinic_id            uuid not null references clinic (id),
    primary_therapist_id uuid not null references app_user (id),
    time_zone            text not null,
    status               text not null default 'ACTIVE' check (status in ('ACTIVE', 'DISCHARGED')),
    enrolled_at          timestamptz
);
-- Admin caseload lists per clinic.
create index patient_clinic on patient (clinic_id);
-- "Is this therapist still primary for an active patient?" on deactivation.
create index patient_primary_therapist on patient (primary_therapist_id) where status = 'ACTIVE';

-- Which therapists may see and treat a patient. The primary therapist is always a member.
create table care_team_member (
    patient_id   uuid not null references patient (id),
    therapist_id uuid not null references app_user (id),
    added_at     timestamptz not null,
    added_by     uuid references app_user (id),
    primary key (patient_id, therapist_id)
);
-- The authorisation check and the therapist's caseload both start from the therapist.
create index care_team_by_therapist on care_team_member (therapist_id, patient_id);

-- One-time enrolment codes. The code is <lookup>-<secret>: the 4-character lookup is
-- stored in clear so that failed attempts can be counted per code; the secret only as a
-- bcrypt hash.
create table enrolment_code (
    id           uuid primary key,
    patient_id   uuid not null references patient (id),
    lookup       text not null,
    secret_hash  text not null,
    created_at   timestamptz not null,
    created_by   uuid references app_user (id),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    revoked_at   timestamptz
);
-- At most one live code per lookup value, so a lookup identifies one code.
create unique index enrolment_code_live_lookup on enrolment_code (lookup)
    where used_at is null and revoked_at is null;
create index enrolment_code_patient on enrolment_code (patient_id);

-- Rotating refresh tokens. Only a SHA-256 hash of the (256-bit random) token is stored.
-- A family is every token descended from one login or enrolment; reuse of a rotated
-- token revokes the family.
create table refresh_token (
    id            uuid primary key,
    family_id     uuid not null,
    user_id       uuid not null references app_user (id),
    token_hash    bytea not null,
    device_name   text,
    issued_at     timestamptz not null,
    expires_at    timestamptz not null,
    rotated_at    timestamptz,
    revoked_at    timestamptz,
    revoke_reason text
);
create unique index refresh_token_hash_uq on refresh_token (token_hash);
create index refresh_token_family on refresh_token (family_id);
-- Revoking everything of one user (deactivation, discharge).
create index refresh_token_user_live on refresh_token (user_id) where revoked_at is null;

-- Fixed-window attempt counters shared by every replica (login and enrolment limits).
create table rate_limit_counter (
    bucket       text not null,
    window_start timestamptz not null,
    attempts     integer not null,
    primary key (bucket, window_start)
);
-- Expired windows are purged by a scheduled job.
create index rate_limit_counter_window on rate_limit_counter (window_start);

-- Append-only audit trail of every write.
create table audit_event (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null default now(),
    clinic_id     uuid,
    actor_user_id uuid,
    actor_role    text not null,
    entity_type   text not null,
    entity_id     text not null,
    action        text not null,
    request_id    text,
    details       jsonb
);
-- Admin view: a clinic's events newest first, optionally for one entity.
create index audit_event_clinic on audit_event (clinic_id, id desc);
create index audit_event_entity on audit_event (clinic_id, entity_type, entity_id, id desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_event_no_update_delete before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
