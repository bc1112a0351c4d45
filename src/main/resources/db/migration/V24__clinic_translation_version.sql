-- Clinic translations change (docs/languages.md): every write of a translation of one of the
-- clinic's own exercises or education cards increments this counter in the same transaction.
-- The patient's plan head reads it (the clinic row is a primary-key probe in the statement it
-- already runs), puts it in the plan's ETag and keys the in-memory cache of the clinic's
-- translations by it, so every replica sees a change on the next request without a message
-- between replicas and without another statement on the hot path.
alter table clinic add column translation_version integer not null default 0;
comment on column clinic.translation_version is
    'Incremented by each change to a translation of this clinic''s exercises or education cards (cache key, ETag).';
