-- Exercise media in S3-compatible object storage (docs/media.md).
--
-- Nothing here is a URL: a media row holds the object's key in the configured bucket; the API
-- signs short-lived URLs for it when a client needs one. Uploads go straight from the client to
-- the store with a presigned PUT; the row is PENDING until the uploader confirms it and the server
-- has checked size, SHA-256 and type (COMPLETE), or REJECTED (object deleted, reason kept).
-- PENDING and REJECTED rows past expires_at are removed by media/MediaCleanupJob.
--
-- New tables get the application role's grants through V14's default privileges.

create table media (
    id            uuid primary key,
    clinic_id     uuid not null references clinic (id),
    uploaded_by   uuid not null references app_user (id),
    -- Set for a personal video recorded for one patient: only that patient and the care team see it.
    patient_id    uuid references patient (id),
    state         text not null check (state in ('PENDING', 'COMPLETE', 'REJECTED')),
    content_type  text not null check (content_type in ('video/mp4', 'image/jpeg', 'image/png', 'image/webp')),
    -- Declared by the uploader, checked against the object on completion.
    bytes         bigint not null check (bytes > 0),
    sha256        bytea not null check (length(sha256) = 32),
    object_key    text not null unique check (length(object_key) between 1 and 200),
    filename      text check (length(filename) between 1 and 200),
    purpose       text not null check (purpose in ('EXERCISE', 'EDUCATION', 'PERSONAL')),
    -- Videos: the duration from the MP4 movie header, set on completion.
    duration_ms   bigint check (duration_ms >= 0),
    rejected_as   text check (length(rejected_as) <= 60),
    created_at    timestamptz not null,
    -- PENDING: the upload deadline; REJECTED: when the row is removed. Null once COMPLETE.
    expires_at    timestamptz,
    completed_at  timestamptz,
    check ((state = 'COMPLETE') = (completed_at is not null)),
    check ((state = 'COMPLETE') = (expires_at is null)),
    check ((purpose = 'PERSONAL') = (patient_id is not null))
);
comment on column media.object_key is 'Key of the object in glide.media.bucket; never a URL.';

-- media/MediaCleanupJob: the expired uploads, oldest first (FOR UPDATE SKIP LOCKED).
create index media_expired on media (expires_at) where state <> 'COMPLETE';
-- Staff listing of a clinic's media, newest first.
create index media_clinic_created on media (clinic_id, created_at desc);

-- A clinic's own image and video for an exercise: one of each per exercise and clinic. The
-- exercise may be the clinic's own or a shipped one (then only this clinic's patients see it).
create table exercise_media (
    clinic_id    uuid not null references clinic (id),
    exercise_id  uuid not null references exercise (id),
    kind         text not null check (kind in ('IMAGE', 'VIDEO')),
    media_id     uuid not null references media (id),
    attached_by  uuid not null references app_user (id),
    attached_at  timestamptz not null,
    primary key (clinic_id, exercise_id, kind)
);

-- The same for education cards.
create table education_card_media (
    clinic_id    uuid not null references clinic (id),
    card_id      uuid not null references education_card (id),
    kind         text not null check (kind in ('IMAGE', 'VIDEO')),
    media_id     uuid not null references media (id),
    attached_by  uuid not null references app_user (id),
    attached_at  timestamptz not null,
    primary key (clinic_id, card_id, kind)
);

-- Bumped by every attach and detach of the clinic: the patient's plan head reads it (one index
-- probe in the head statement) so that the plan's ETag changes when an exercise or card of the
-- clinic gains or loses media without a new plan revision. No row: the clinic never attached any.
create table clinic_media_version (
    clinic_id  uuid primary key references clinic (id),
    version    bigint not null check (version > 0)
);

-- The shipped library's image_url / video_url pointed at a host that never existed
-- (media.glide.example). They are gone; the columns stay (deprecated, always null) so that the
-- entity and older revisions of the code keep mapping, and nothing may put a URL in them again.
update exercise set image_url = null, video_url = null where image_url is not null or video_url is not null;
alter table exercise add constraint exercise_no_media_urls check (image_url is null and video_url is null);
