-- Revocations are a record, like the audit trail: the service adds rows and reads them
-- (auth/Revocations), never changes or removes one. Taking UPDATE and DELETE away from the
-- service's role means SQL injection or leaked pool credentials cannot bring a revoked
-- session back to life. Nothing to do when the service migrates as itself (dev mode).
do $insert_only$
declare
    app text := '${app_role}';
    s text := '${flyway:defaultSchema}';
begin
    if app = '' or app = current_user then
        return;
    end if;
    execute format('revoke update, delete, truncate on table %I.token_revocation from %I', s, app);
end;
$insert_only$;
