-- Issue 17, items 3 and 4: a patient's data export (a ZIP built by a job any replica may run)
-- and erasure on request (docs/security.md, "Erasure").

-- 1. Erasure. The patient and account rows stay (ids in the audit trail, care-team history
--    and retained clinical records keep pointing at something), their personal fields replaced
--    by the pseudonym. erased_at is also the "already erased" check (409).
--    clinical_records_retained: whether the erasure kept the clinical record (plans and
--    revisions, sessions' numbers, checks, visits, questionnaires, alerts) under the pseudonym.
--    The three columns are written only by erase_patient below (owner's rights): the service's
--    role has no INSERT or UPDATE on them, so it can neither un-erase a patient nor mark one
--    erased to unlock erase_visit_versions.
alter table patient
    add column erased_at timestamptz,
    add column pseudonym text check (length(pseudonym) between 1 and 100),
    add column clinical_records_retained boolean,
    add constraint patient_erased_whole check ((erased_at is null) = (pseudonym is null)
                                               and (erased_at is null) = (clinical_records_retained is null));

-- Whether an erasure keeps the clinical record because the clinic must keep it by law (the
-- default), or deletes it too. A request may choose otherwise (ErasureRequest).
alter table clinic_settings
    add column erasure_retains_clinical_records boolean not null default true;

-- Marks a patient erased, once: sets erased_at, a fresh pseudonym and clinical_records_retained,
-- and discharges the patient. Refuses an unknown or already erased patient. Returns the pseudonym.
create function erase_patient(erased_patient uuid, retain boolean, at timestamptz) returns text
    language plpgsql security definer
    set search_path = "${flyway:defaultSchema}", pg_catalog, pg_temp
as $$
declare
    name text := 'Erased patient ' || left(replace(gen_random_uuid()::text, '-', ''), 8);
begin
    if retain is null or at is null then
        raise exception 'erase_patient: retain and at are required';
    end if;
    update patient set erased_at = at, pseudonym = name, clinical_records_retained = retain, status = 'DISCHARGED'
    where id = erased_patient and erased_at is null;
    if not found then
        raise exception 'patient % does not exist or is already erased', erased_patient;
    end if;
    return name;
end;
$$;

-- Visit versions are immutable; the only exception is removing every version of the visits of
-- a patient erased without retaining the clinical record. The service's role has no DELETE on
-- visit_version (V16): it asks erase_visit_versions below, which runs with the owner's rights.
create or replace function visit_version_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and exists (select 1 from visit v join patient p on p.id = v.patient_id
                                    where v.id = old.visit_id and p.erased_at is not null
                                      and not p.clinical_records_retained) then
        return old;
    end if;
    raise exception 'visit_version rows are immutable: % is not allowed', tg_op;
end;
$$;

create function erase_visit_versions(erased_patient uuid) returns integer
    language plpgsql security definer
    set search_path = "${flyway:defaultSchema}", pg_catalog, pg_temp
as $$
declare
    n integer;
begin
    if not exists (select 1 from patient where id = erased_patient and erased_at is not null
                                           and not clinical_records_retained) then
        raise exception 'patient % is not erased, or was erased retaining the clinical record', erased_patient;
    end if;
    delete from visit_version vv using visit v where v.id = vv.visit_id and v.patient_id = erased_patient;
    get diagnostics n = row_count;
    return n;
end;
$$;

-- 2. Exports. The ZIP is stored in the row (bytea, bounded by glide.export.max-bytes): every
--    replica can serve the download, nothing is kept on a replica's disk, and deleting the row
--    deletes the file. At most one export per patient is waiting or being built.
create table patient_export (
    id             uuid primary key,
    patient_id     uuid not null references patient (id),
    clinic_id      uuid not null references clinic (id),
    requested_by   uuid not null references app_user (id),
    status         text not null check (status in ('PENDING', 'RUNNING', 'READY', 'FAILED', 'EXPIRED')),
    created_at     timestamptz not null,
    -- A RUNNING export whose builder stopped (replica killed) is claimed again after this.
    claimed_until  timestamptz,
    attempts       integer not null default 0 check (attempts >= 0),
    completed_at   timestamptz,
    expires_at     timestamptz not null,
    bytes          bigint check (bytes >= 0),
    sha256         bytea check (length(sha256) = 32),
    content        bytea,
    failure        text check (length(failure) <= 200),
    check ((status = 'READY') = (content is not null)),
    check ((status = 'READY') <= (sha256 is not null and bytes is not null))
);
-- The ZIP is already compressed: stored out of line and uncompressed, so the download reads it
-- slice by slice (substring) without loading or decompressing the whole value.
alter table patient_export alter column content set storage external;
-- At most one downloadable export per patient: a new request retires the READY one (EXPIRED).
create unique index patient_export_one_ready on patient_export (patient_id) where status = 'READY';
-- EXPIRED rows (no file) are kept 30 days for the status and the audit's ids, then deleted.
create index patient_export_purge on patient_export (expires_at) where status = 'EXPIRED';
-- "A second export while one is running": one PENDING or RUNNING export per patient (409).
create unique index patient_export_one_running on patient_export (patient_id) where status in ('PENDING', 'RUNNING');
-- The builder's work list (ExportJob claims with FOR UPDATE SKIP LOCKED).
create index patient_export_work on patient_export (created_at) where status in ('PENDING', 'RUNNING');
-- The cleanup's work list: READY or FAILED exports past their expiry.
create index patient_export_expiring on patient_export (expires_at) where status in ('READY', 'FAILED');
-- The export's audit trail (ExportCatalogue "audit-trail.json"): the events a patient did, and
-- those whose details name the patient (audit_event_entity, V1, finds the rest by type and id).
create index audit_event_actor on audit_event (clinic_id, actor_user_id, id) where actor_user_id is not null;
create index audit_event_patient on audit_event (clinic_id, (details ->> 'patientId'));
-- Erasure deletes a patient's exports.
create index patient_export_patient on patient_export (patient_id, created_at desc);

do $grants$
declare
    app text := '${app_role}';
    s text := '${flyway:defaultSchema}';
begin
    revoke execute on function erase_visit_versions(uuid) from public;
    revoke execute on function erase_patient(uuid, boolean, timestamptz) from public;
    if app = '' or app = current_user then
        return;
    end if;
    execute format('grant execute on function %I.erase_visit_versions(uuid) to %I', s, app);
    execute format('grant execute on function %I.erase_patient(uuid, boolean, timestamptz) to %I', s, app);
    -- A table-level grant cannot be narrowed per column: the table's INSERT and UPDATE become
    -- column grants on every column but erased_at, pseudonym and clinical_records_retained
    -- (the V1 columns; a later column must be added here, in its own migration).
    execute format('revoke insert, update on table %I.patient from %I', s, app);
    execute format('grant insert (id, clinic_id, primary_therapist_id, time_zone, status, enrolled_at),'
                   ' update (clinic_id, primary_therapist_id, time_zone, status, enrolled_at)'
                   ' on table %I.patient to %I', s, app);
end;
$grants$;
