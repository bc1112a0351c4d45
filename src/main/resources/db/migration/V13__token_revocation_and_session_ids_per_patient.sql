-- Issue 12: access tokens that stop working within seconds (logout, reuse of a refresh
-- token, deactivation, discharge), and session ids that belong to their patient.

-- Revoked sessions. An access token names its session (claim sid = its refresh-token
-- family); a row here ends every access token of that session. A row without family_id
-- ends the user's access tokens that name no session (issued before this migration).
-- Rows are only ever inserted. Every replica keeps the rows of the last access-token
-- lifetime in memory and polls for new ones every few seconds by the writing transaction
-- (tx), which never misses a row whose transaction commits late (auth/Revocations).
create table token_revocation (
    id          bigint generated always as identity primary key,
    user_id     uuid not null references app_user (id),
    family_id   uuid,
    -- logout, reuse_detected, deactivated, discharged
    reason      text not null,
    revoked_at  timestamptz not null default now(),
    tx          xid8 not null default pg_current_xact_id()
);
create index token_revocation_tx on token_revocation (tx);
create index token_revocation_revoked_at on token_revocation (revoked_at);
-- The sessions of a user that issued access tokens recently (deactivation, discharge).
create index refresh_token_user_issued on refresh_token (user_id, issued_at);

-- A session id is unique per patient, not globally: another patient's id is simply a new
-- session for this patient, so the answer to an upload never tells whether an id exists.
alter table session_comment add column patient_id uuid;
update session_comment c set patient_id = s.patient_id from session_log s where s.id = c.session_id;
alter table session_comment alter column patient_id set not null;
alter table session_comment drop constraint session_comment_session_id_fkey;
alter table morning_check drop constraint morning_check_session_id_fkey;
alter table morning_check drop constraint morning_check_pkey;
alter table session_log drop constraint session_log_pkey;
alter table session_log add constraint session_log_pkey primary key (patient_id, id);
alter table morning_check add constraint morning_check_pkey primary key (patient_id, session_id);
alter table morning_check add constraint morning_check_session_fk
    foreign key (patient_id, session_id) references session_log (patient_id, id);
alter table session_comment add constraint session_comment_session_fk
    foreign key (patient_id, session_id) references session_log (patient_id, id);
drop index session_comment_session;
create index session_comment_session on session_comment (patient_id, session_id, created_at);
