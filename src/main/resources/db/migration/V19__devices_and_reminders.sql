-- Issue 15, items 3 and 4: the patient's phones (for push) and reminder preferences (for the
-- local-notification schedule of /v1/me/reminders). New tables get the application role's
-- grants through V14's default privileges.

-- One row per app installation a patient is signed in on. The push token belongs to one
-- device: registering it elsewhere (another installation, another user) takes it over.
create table device (
    patient_id      uuid not null references patient (id),
    installation_id uuid not null,
    platform        text not null check (platform in ('APNS', 'FCM')),
    push_token      text not null check (length(push_token) between 64 and 4096),
    app_version     text not null check (length(app_version) between 1 and 40),
    locale          text not null check (length(locale) between 2 and 35),
    time_zone       text not null check (length(time_zone) between 1 and 64),
    -- The sign-in session (refresh-token family, the access token's sid) that registered it:
    -- logging out of that session removes the device.
    session_id      uuid,
    registered_at   timestamptz not null,
    updated_at      timestamptz not null,
    primary key (patient_id, installation_id)
);
-- The take-over on registration (delete the token's other rows) and, later, removing a token
-- the provider reports dead: one row per token.
create unique index device_push_token on device (push_token);
-- Logout removes the devices of the session that ends.
create index device_session on device (patient_id, session_id);

-- The patient's reminder preferences; no row means the defaults (reminder/ReminderPreferences).
create table reminder_preference (
    patient_id             uuid primary key references patient (id),
    reminder_times         time[] not null check (cardinality(reminder_times) <= 6),
    quiet_start            time,
    quiet_end              time,
    check ((quiet_start is null) = (quiet_end is null)),
    check (quiet_start is null or quiet_start <> quiet_end),
    nudge_if_not_logged_by time,
    morning_check_at       time not null,
    updated_at             timestamptz not null
);
