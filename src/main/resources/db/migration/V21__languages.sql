-- Content in the patient's language (docs/languages.md).
--
-- Every person has a locale (a BCP 47 language tag, as the phone sends in Accept-Language);
-- every clinic a default one. Shipped and clinic exercises and education cards keep their
-- original text in their own row (the shipped library is English) and carry translations in
-- the tables below, one row per language. A translation may leave a field null: that field
-- falls back (the clinic's default language, then English, then the original text), so a
-- partly translated exercise never shows an empty name or step list.
--
-- Which language a response uses: the first of the phone's Accept-Language tags that the
-- content has, else the person's locale, else the clinic's default, else English
-- (language/LanguageChoice). Problem details are always English (they are for developers).
--
-- New tables get the application role's grants through V14's default privileges.

alter table app_user
    add column locale text check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' and length(locale) <= 35);
comment on column app_user.locale is
    'The person''s chosen language (BCP 47), or null: then Accept-Language, the clinic default, English.';

alter table clinic_settings
    add column default_locale text not null default 'en'
        check (default_locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' and length(default_locale) <= 35);

create table exercise_translation (
    exercise_id  uuid not null references exercise (id),
    -- BCP 47: 'de', 'de-AT', 'pt-BR'. Stored as the client wrote it, matched case-insensitively.
    locale       text not null check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' and length(locale) <= 35),
    name         text check (length(name) between 1 and 120),
    summary      text check (length(summary) between 1 and 300),
    -- Same shape as exercise.instructions / exercise.cautions: arrays of plain-text steps.
    instructions jsonb check (jsonb_typeof(instructions) = 'array' and jsonb_array_length(instructions) > 0),
    cautions     jsonb check (jsonb_typeof(cautions) = 'array'),
    created_at   timestamptz not null default now(),
    created_by   uuid references app_user (id),
    updated_at   timestamptz not null default now(),
    primary key (exercise_id, locale)
);

create table education_card_translation (
    card_id     uuid not null references education_card (id),
    locale      text not null check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' and length(locale) <= 35),
    title       text check (length(title) between 1 and 120),
    -- Markdown, as education_card.body.
    body        text check (length(body) between 1 and 10000),
    created_at  timestamptz not null default now(),
    created_by  uuid references app_user (id),
    updated_at  timestamptz not null default now(),
    primary key (card_id, locale)
);
