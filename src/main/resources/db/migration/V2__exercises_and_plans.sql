-- Exercise library, clinic protocol templates, and per-patient plans with revisions.

-- Exercises. clinic_id null = the shipped library (seeded by migrations, identical for
-- every clinic); otherwise a clinic's own exercise, visible only inside that clinic.
-- Exercises are never updated in place: a changed exercise is a new row (new slug or a
-- new library migration), so plans that reference an id keep meaning the same thing and
-- replicas may cache exercises by id forever.
create table exercise (
    id              uuid primary key,
    clinic_id       uuid references clinic (id),
    slug            text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
    name            text not null check (length(name) between 1 and 120),
    category        text not null check (category in ('NERVE_GLIDE', 'MCKENZIE_EXTENSION', 'CORE_STABILITY',
                                                      'HIP_GLUTE_STRENGTH', 'STRETCH', 'MOBILITY', 'WALKING')),
    -- Ordered progression chain (step 1 = easiest); easier/harder = neighbouring steps.
    chain           text check (chain ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    chain_step      integer check (chain_step between 1 and 20),
    summary         text not null check (length(summary) between 1 and 300),
    instructions    jsonb not null check (jsonb_typeof(instructions) = 'array' and jsonb_array_length(instructions) > 0),
    cautions        jsonb not null check (jsonb_typeof(cautions) = 'array'),
    dosage_type     text not null check (dosage_type in ('REPS', 'HOLD', 'DURATION')),
    default_dosage  jsonb not null check (jsonb_typeof(default_dosage) = 'object'),
    equipment       jsonb not null default '[]' check (jsonb_typeof(equipment) = 'array'),
    image_url       text,
    video_url       text,
    library_version integer not null default 1,
    created_at      timestamptz not null default now(),
    created_by      uuid references app_user (id),
    constraint exercise_chain_pair check ((chain is null) = (chain_step is null))
);
-- A slug names one exercise within its scope (the library, or one clinic).
create unique index exercise_slug_uq
    on exercise (coalesce(clinic_id, '00000000-0000-0000-0000-000000000000'::uuid), slug);
-- A chain step is taken once per scope.
create unique index exercise_chain_step_uq
    on exercise (coalesce(clinic_id, '00000000-0000-0000-0000-000000000000'::uuid), chain, chain_step)
    where chain is not null;
-- Library browsing: the shipped rows plus one clinic's, by category.
create index exercise_scope_category on exercise (clinic_id, category, name);

-- Clinic protocol templates (for example acute, subacute, return to activity). Items are
-- stored as JSON in the plan-item input shape, naming exercises by library slug.
create table plan_template (
    id              uuid primary key,
    clinic_id       uuid references clinic (id),
    slug            text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name            text not null,
    phase           text not null check (phase in ('ACUTE', 'SUBACUTE', 'RETURN_TO_ACTIVITY')),
    description     text not null,
    items           jsonb not null check (jsonb_typeof(items) = 'array'),
    library_version integer not null default 1,
    created_at      timestamptz not null default now()
);
create unique index plan_template_slug_uq
    on plan_template (coalesce(clinic_id, '00000000-0000-0000-0000-000000000000'::uuid), slug);

-- A patient's plan. Its content lives in revisions; current_revision points at the one
-- in force. Ended plans are kept.
create table plan (
    id               uuid primary key,
    patient_id       uuid not null references patient (id),
    clinic_id        uuid not null references clinic (id),
    status           text not null check (status in ('ACTIVE', 'ENDED')),
    current_revision integer not null check (current_revision >= 1),
    created_at       timestamptz not null,
    created_by       uuid not null references app_user (id),
    ended_at         timestamptz,
    ended_by         uuid references app_user (id)
);
-- One active plan per patient; also the lookup of GET /v1/me/plan and its 304 path.
create unique index plan_one_active_per_patient on plan (patient_id) where status = 'ACTIVE';
create index plan_by_patient on plan (patient_id, created_at desc);

-- Every version of a plan, immutable. content is the complete plan (items with exercise
-- ids, dosage, schedule, progression); changes says what differs from the previous one.
create table plan_revision (
    plan_id         uuid not null references plan (id),
    revision        integer not null check (revision >= 1),
    created_at      timestamptz not null,
    created_by      uuid references app_user (id),
    created_by_role text not null,
    kind            text not null check (kind in ('CREATED', 'REPLACED', 'ADJUSTED', 'RESTORED')),
    reason          text not null check (length(reason) between 1 and 500),
    -- Date (patient's zone) from which this revision applies; progression counts from here.
    effective_on    date not null,
    changes         jsonb not null check (jsonb_typeof(changes) = 'array'),
    content         jsonb not null check (jsonb_typeof(content) = 'object'),
    primary key (plan_id, revision)
);

create function plan_revision_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'plan_revision rows are immutable: % is not allowed', tg_op;
end;
$$;
create trigger plan_revision_no_update before update on plan_revision
    for each row execute function plan_revision_is_immutable();
