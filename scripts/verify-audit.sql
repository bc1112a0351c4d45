-- Verifies the audit trail's hash chain (docs/security.md, "Audit"). Run it with
-- scripts/verify-audit.sh; it prints one line, "OK: ..." or "BROKEN ...: ...".
--
-- It trusts nothing in the database but the rows: the canonical encoding and the hashing are
-- written out here (a copy of V14's audit_event_canonical, version 1), every function and
-- operator comes from pg_catalog (the script puts pg_catalog first on the search path), so a
-- schema owner who replaced the database's own functions does not change the verdict.
-- __ANCHOR_SEQ__ / __ANCHOR_HASH__: a head recorded earlier outside the database (0 / '' for
-- none); with it, a rewrite of the whole chain from before that point is detected too.
with recursive
anchor as (
    select __ANCHOR_SEQ__::bigint as seq, decode('__ANCHOR_HASH__', 'hex') as hash
),
chain (seq, id, stored, computed) as (
    select e.seal_seq, e.id, e.chain_hash,
           sha256(decode(repeat('00', 32), 'hex') || convert_to(jsonb_build_array(
               e.seal_seq, e.id, to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               e.clinic_id, e.actor_user_id, e.actor_role, e.entity_type, e.entity_id, e.action, e.request_id,
               e.details)::text, 'UTF8'))
    from audit_event e
    where e.seal_seq = 1
  union all
    select e.seal_seq, e.id, e.chain_hash,
           sha256(c.computed || convert_to(jsonb_build_array(
               e.seal_seq, e.id, to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               e.clinic_id, e.actor_user_id, e.actor_role, e.entity_type, e.entity_id, e.action, e.request_id,
               e.details)::text, 'UTF8'))
    from chain c
    join audit_event e on e.seal_seq = c.seq + 1
    where c.stored is not distinct from c.computed
),
stats as (
    select count(seal_seq) as sealed, coalesce(max(seal_seq), 0) as max_seq, count(*) - count(seal_seq) as unsealed
    from audit_event
),
bad as (
    select seq, id from chain where stored is distinct from computed order by seq, id limit 1
),
good as (
    select coalesce(max(seq), 0) as reached,
           coalesce(encode((array_agg(computed order by seq desc))[1], 'hex'), '') as head
    from chain where stored is not distinct from computed
),
at_anchor as (
    select (select c.computed from chain c where c.seq = a.seq and c.stored is not distinct from c.computed limit 1) as computed
    from anchor a
)
select case
    when bad.seq is not null then format(
        'BROKEN at #%s (audit_event id %s): its chain_hash does not match its content and the chain before it'
        ' (the event was changed, forged, or the events were reordered)', bad.seq, bad.id)
    when good.reached < stats.max_seq then format(
        'BROKEN after #%s: #%s is missing (deleted); the chain stops there, %s sealed event(s) follow',
        good.reached, good.reached + 1, stats.sealed - good.reached)
    when stats.sealed <> stats.max_seq then format(
        'BROKEN: %s sealed events carry numbers up to #%s (numbers used twice)', stats.sealed, stats.max_seq)
    when anchor.seq > 0 and anchor.seq > good.reached then format(
        'BROKEN: the anchor is #%s but the chain ends at #%s (events at its end were removed)', anchor.seq, good.reached)
    when anchor.seq > 0 and at_anchor.computed is distinct from anchor.hash then format(
        'BROKEN at the anchor #%s: the chain there hashes to %s, the anchor says %s (the chain was rewritten)',
        anchor.seq, encode(at_anchor.computed, 'hex'), encode(anchor.hash, 'hex'))
    else format('OK: %s sealed event(s) chained, head #%s sha256 %s%s; %s event(s) not sealed yet',
        stats.sealed, good.reached, nullif(good.head, ''),
        case when anchor.seq > 0 then format(', anchor #%s matches', anchor.seq) else '' end, stats.unsealed)
    end as verdict
from stats cross join good cross join anchor cross join at_anchor left join bad on true;
