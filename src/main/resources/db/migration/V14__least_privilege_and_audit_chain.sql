-- Least privilege and a tamper-evident audit trail (issue 12, item 6; docs/security.md
-- "Database roles" and "Audit").
--
-- Migrations run as the schema's owner (quarkus.flyway.username). The service connects as
-- another role, named here by the placeholder app_role (quarkus.flyway.placeholders.app_role,
-- by default the datasource user): it gets SELECT, INSERT, UPDATE, DELETE on the tables, and on
-- audit_event only SELECT and INSERT of the event columns. It owns nothing, so it can neither
-- change the schema nor switch a trigger off; session_replication_role is a superuser's.

-- 1. The hash chain. The sealer (audit_seal below, run by every replica's AuditSealer job)
--    numbers committed, unsealed events 1, 2, 3, ... in the order it finds them and stores
--    chain_hash(n) = sha256(chain_hash(n - 1) || canonical(event n)), chain_hash(0) = 32 zero
--    bytes. scripts/verify-audit.sql recomputes the chain with its own copy of the encoding.
alter table audit_event
    add column seal_seq   bigint,
    add column chain_hash bytea,
    add constraint audit_event_sealed_whole check ((seal_seq is null) = (chain_hash is null)),
    add constraint audit_event_seal_seq_unique unique (seal_seq);
-- The sealer's work list.
create index audit_event_unsealed on audit_event (id) where seal_seq is null;

-- The canonical encoding of one event (version 1): a JSON array as PostgreSQL prints jsonb,
-- the time in UTC with microseconds. Any column added to audit_event later must be added
-- here and in scripts/verify-audit.sql in the same migration, as a version 2 from a seal_seq on.
create function audit_event_canonical(e audit_event) returns bytea
    language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select convert_to(jsonb_build_array(
        e.seal_seq, e.id, to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.clinic_id, e.actor_user_id, e.actor_role, e.entity_type, e.entity_id, e.action, e.request_id,
        e.details)::text, 'UTF8')
$$;

-- Chains up to max_rows committed, unsealed events; one sealer at a time per schema (a
-- transaction-scoped advisory lock: with wait = false a second caller returns at once with
-- sealed = 0). Runs with the owner's rights (security definer) so that the service's role
-- needs no UPDATE on audit_event: all it can do is ask for the next events to be sealed,
-- correctly. Returns how many it sealed and the head of the chain (seq 0 = empty chain).
create function audit_seal(max_rows integer, wait boolean default false)
    returns table (sealed integer, head_seq bigint, head_hash text)
    language plpgsql security definer
    set search_path = "${flyway:defaultSchema}", pg_catalog, pg_temp
as $$
declare
    lock_key constant bigint := ('x' || left(md5('glide.audit.seal:${flyway:defaultSchema}'), 16))::bit(64)::bigint;
    seq bigint;
    h bytea;
    e audit_event;
    n integer := 0;
begin
    if wait then
        perform pg_advisory_xact_lock(lock_key);
    elsif not pg_try_advisory_xact_lock(lock_key) then
        sealed := 0;
        head_seq := null;
        head_hash := null;
        return next;
        return;
    end if;
    -- Read committed: this statement's snapshot is taken after the lock, so it sees the
    -- previous sealer's committed head.
    select a.seal_seq, a.chain_hash into seq, h
    from audit_event a where a.seal_seq is not null order by a.seal_seq desc limit 1;
    if seq is null then
        seq := 0;
        h := decode(repeat('00', 32), 'hex');
    end if;
    for e in select * from audit_event a where a.seal_seq is null order by a.id limit max_rows loop
        seq := seq + 1;
        e.seal_seq := seq;
        h := sha256(h || audit_event_canonical(e));
        update audit_event set seal_seq = seq, chain_hash = h where id = e.id;
        n := n + 1;
    end loop;
    sealed := n;
    head_seq := seq;
    head_hash := encode(h, 'hex');
    return next;
end;
$$;

-- 2. Still append-only for everyone, the owner included (unless the owner disables the
--    trigger, which the chain then reveals): the one UPDATE allowed is sealing an unsealed
--    event without touching anything else. DELETE and TRUNCATE stay refused.
create function audit_event_seal_only() returns trigger
    language plpgsql
    set search_path = pg_catalog, pg_temp
as $$
begin
    if old.seal_seq is null and new.seal_seq is not null and new.chain_hash is not null
       and to_jsonb(new) - 'seal_seq' - 'chain_hash' = to_jsonb(old) - 'seal_seq' - 'chain_hash' then
        return new;
    end if;
    raise exception 'audit_event is append-only: UPDATE is not allowed (only the sealer may seal an unsealed event)';
end;
$$;
drop trigger audit_event_no_update_delete on audit_event;
create trigger audit_event_no_delete before delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_seal_only before update on audit_event
    for each row execute function audit_event_seal_only();

-- 3. The service's role. Nothing to grant when it is the owner itself (dev mode runs as
--    postgres for both); a role that does not exist stops the migration, naming it.
do $grants$
declare
    app text := '${app_role}';
    s text := '${flyway:defaultSchema}';
begin
    revoke execute on function audit_seal(integer, boolean) from public;
    if app = '' or app = current_user then
        raise notice 'app_role is the migrating role (%): no grants needed', current_user;
        return;
    end if;
    if not exists (select from pg_roles where rolname = app) then
        raise exception 'role "%" (quarkus.flyway.placeholders.app_role, by default the datasource user) does not exist: create it first (docs/deployment.md)', app;
    end if;
    execute format('grant usage on schema %I to %I', s, app);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', s, app);
    execute format('grant usage, select on all sequences in schema %I to %I', s, app);
    -- Tables and sequences later migrations create (they run as this same owner) get the same.
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I', s, app);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I', s, app);
    -- Flyway's history is the owner's business.
    execute format('revoke all on table %I.%I from %I', s, '${flyway:table}', app);
    -- The audit trail: read, and add events; never change, remove, or seal them itself.
    execute format('revoke insert, update, delete on table %I.audit_event from %I', s, app);
    execute format('grant insert (occurred_at, clinic_id, actor_user_id, actor_role, entity_type, entity_id, action,'
                   ' request_id, details) on table %I.audit_event to %I', s, app);
    execute format('grant execute on function %I.audit_seal(integer, boolean) to %I', s, app);
end;
$grants$;
