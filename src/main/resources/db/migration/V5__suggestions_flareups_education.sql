-- Pain-guided suggestions, flare-ups and education cards.

-- Suggestion rule defaults per clinic (a plan can override them in its content).
alter table clinic_settings
    add column progress_after_sessions integer not null default 3 check (progress_after_sessions between 1 and 10),
    add column progress_max_pain integer not null default 3 check (progress_max_pain between 0 and 10),
    add column regress_pain_above integer not null default 5 check (regress_pain_above between 0 and 10),
    add column target_difficulty integer not null default 6 check (target_difficulty between 0 and 10),
    -- A patient may end a flare-up themself after this many days, with pain back near baseline.
    add column flare_min_days integer not null default 3 check (flare_min_days between 0 and 30),
    add column flare_recovery_margin numeric(3, 1) not null default 1.0 check (flare_recovery_margin between 0 and 10);

alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check check (kind in ('RED_FLAG', 'PAIN_RISING', 'WORSE_NEXT_MORNING',
    'PERIPHERALISATION', 'LOW_ADHERENCE', 'NO_ACTIVITY', 'FLARE_UP', 'PLAN_AUTO_ADJUSTED'));

-- What became of a suggestion: accepted or declined by a therapist, or applied by the
-- rule in AUTO mode. basis = the newest session (and its next-morning answer) the
-- suggestion was computed from; a decided suggestion is not offered or applied again
-- until new data arrives.
create table suggestion_outcome (
    plan_id     uuid not null references plan (id),
    item_id     uuid not null,
    basis       text not null,
    outcome     text not null check (outcome in ('ACCEPTED', 'DECLINED', 'AUTO_APPLIED')),
    action      text not null check (action in ('PROGRESS', 'HOLD', 'REGRESS')),
    rule        text not null,
    decided_by  uuid references app_user (id),
    decided_at  timestamptz not null,
    reason      text,
    primary key (plan_id, item_id, basis)
);

-- Education cards: shipped (clinic_id null) or a clinic's own. Insert-only, like
-- exercises, so replicas may cache them by id.
create table education_card (
    id          uuid primary key,
    clinic_id   uuid references clinic (id),
    slug        text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
    title       text not null check (length(title) between 1 and 120),
    body        text not null check (length(body) between 1 and 10000),
    tags        text[] not null default '{}',
    created_at  timestamptz not null default now(),
    created_by  uuid references app_user (id)
);
create unique index education_card_slug_uq
    on education_card (coalesce(clinic_id, '00000000-0000-0000-0000-000000000000'::uuid), slug);
-- "Cards tagged flare-up for this clinic".
create index education_card_tags on education_card using gin (tags);
