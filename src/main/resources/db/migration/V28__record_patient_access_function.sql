-- The access log's record written by the access check itself (issue 17, item 5; docs/security.md
-- "Access log"): patient/PatientAccess calls this function in the select list of the query that
-- finds the patient the caller may read, so it runs once per patient found (never for a refused
-- read) and the record costs no statement of its own. Invoker's rights: the service inserts as
-- itself, with the INSERT it holds on patient_access (V26), and nothing else.
-- async_commit: the calling statement is its own transaction (no transaction around the read):
-- its commit need not wait for the WAL flush, like disclosure/AccessRecorder's insert; inside a
-- caller's transaction it is false and the record commits, or rolls back, with that transaction.
create function record_patient_access(occurred_at timestamptz, clinic_id uuid, patient_id uuid,
                                      actor_user_id uuid, actor_role text, what text, request_id text,
                                      async_commit boolean) returns boolean
    language plpgsql volatile security invoker
    set search_path = "${flyway:defaultSchema}", pg_catalog, pg_temp
as $$
begin
    if async_commit then
        perform set_config('synchronous_commit', 'off', true);
    end if;
    insert into patient_access (occurred_at, clinic_id, patient_id, actor_user_id, actor_role, what, request_id)
    values (record_patient_access.occurred_at, record_patient_access.clinic_id, record_patient_access.patient_id,
            record_patient_access.actor_user_id, record_patient_access.actor_role, record_patient_access.what,
            record_patient_access.request_id);
    return true;
end;
$$;

do $grants$
declare
    app text := '${app_role}';
    s text := '${flyway:defaultSchema}';
begin
    revoke execute on function record_patient_access(timestamptz, uuid, uuid, uuid, text, text, text, boolean) from public;
    if app = '' or app = current_user then
        return;
    end if;
    execute format('grant execute on function %I.record_patient_access(timestamptz, uuid, uuid, uuid, text, text, text, boolean) to %I',
                   s, app);
end;
$grants$;
