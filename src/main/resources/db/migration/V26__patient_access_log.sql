-- The access log (issue 17, item 5; docs/security.md "Access log"): one row per read of a
-- patient's health data by a therapist or clinic admin, written by disclosure/AccessRecorder
-- after the read succeeded and before its answer is sent. The patient reads it
-- (GET /v1/me/access-log), so does the clinic admin (GET /v1/patients/{id}/access-log).
-- No foreign keys, like audit_event: a record is a fact about the past that outlives whatever
-- happens to the rows it names, and four key checks would cost more than the insert itself on
-- the read path it is added to (docs/benchmarks.md "Access log").
create table patient_access (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null,
    clinic_id     uuid        not null,
    patient_id    uuid        not null,
    actor_user_id uuid        not null,
    actor_role    text        not null check (actor_role in ('THERAPIST', 'ADMIN')),
    what          text        not null,
    request_id    text
);
-- The patient's view and the admin's view of one patient: newest first, keyset on id.
create index patient_access_patient on patient_access (patient_id, id desc);

-- Append-only, like audit_event (V1) and token_revocation (V15): nobody changes or removes
-- a record, the owner included (unless the owner disables the trigger).
create function patient_access_is_append_only() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
begin
    raise exception 'patient_access is append-only: % is not allowed', tg_op;
end;
$$;
create trigger patient_access_no_update_delete before update or delete on patient_access
    for each row execute function patient_access_is_append_only();
create trigger patient_access_no_truncate before truncate on patient_access
    for each statement execute function patient_access_is_append_only();

-- The service's role (V14's default privileges gave it SELECT, INSERT, UPDATE, DELETE): it
-- reads and adds records, nothing else. Nothing to do when the service migrates as itself.
do $insert_only$
declare
    app text := '${app_role}';
    s text := '${flyway:defaultSchema}';
begin
    if app = '' or app = current_user then
        return;
    end if;
    execute format('revoke update, delete, truncate on table %I.patient_access from %I', s, app);
end;
$insert_only$;
