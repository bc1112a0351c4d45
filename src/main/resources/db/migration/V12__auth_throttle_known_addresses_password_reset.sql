-- Issue 12: limits that an attacker cannot turn against the legitimate user, and password reset.

-- Growing delay per account (login) or per code lookup (enrolment), shared by every replica.
-- Each evaluated attempt from an address the account has not logged in from is counted before
-- the secret is checked; from the free-th failure on, the next attempt must wait
-- first-delay * 2^(failures - free), at most max-delay. A success deletes the row; a row whose
-- last failure is a day old starts again at zero.
create table auth_throttle (
    key             text primary key,
    failures        integer not null,
    last_failure_at timestamptz,
    next_attempt_at timestamptz
);
create index auth_throttle_last_failure on auth_throttle (last_failure_at);

-- Addresses an account has logged in from (successfully) recently: attempts from them skip the
-- per-account delay and the per-address limit (only the per-(account, address) limit applies).
create table login_known_address (
    account         text not null,
    address         text not null,
    last_success_at timestamptz not null,
    primary key (account, address)
);
create index login_known_address_last_success on login_known_address (last_success_at);

-- One-time password reset tokens an admin issues for a staff member of their clinic. Only the
-- SHA-256 of the (256-bit random) token is stored.
create table password_reset_token (
    id          uuid primary key,
    user_id     uuid not null references app_user (id),
    token_hash  bytea not null unique,
    created_at  timestamptz not null,
    created_by  uuid not null references app_user (id),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index password_reset_token_user on password_reset_token (user_id);
