-- The stop state on the phone (an open red flag): whom the patient should call. The
-- clinic's phone, its country (ISO 3166-1 alpha-2) and, when the country's default does
-- not fit, the emergency number to show. All optional; without a country the emergency
-- number defaults to 112.
alter table clinic_settings
    add column phone            text check (phone ~ '^\+?[0-9][0-9 ()./-]{2,29}$'),
    add column country          text check (country ~ '^[A-Z]{2}$'),
    add column emergency_number text check (emergency_number ~ '^[0-9]{2,6}$');

-- Alerts that got worse while unresolved are reopened and escalated instead of being
-- swallowed by de-duplication: when it last happened and how often.
alter table alert
    add column escalated_at timestamptz,
    add column escalations  integer not null default 0 check (escalations >= 0);
