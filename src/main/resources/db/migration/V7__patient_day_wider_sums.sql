-- A day's completion sum was numeric(7, 4): more than 999 sessions on one day overflowed
-- and the session log failed with a server error. Sessions are idempotent and cheap to
-- send, so a misbehaving client (or a load test) can reach that; the sum now holds up to
-- 99,999,999 sessions' worth.
alter table patient_day alter column completion_sum type numeric(12, 4);
