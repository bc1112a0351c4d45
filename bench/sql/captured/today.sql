-- The 1 statement(s) one request of today issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :patient_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
select pl.id, pl.current_revision, pa.time_zone, pl.clinic_id, pl.created_at
from plan pl join patient pa on pa.id = pl.patient_id
where pl.patient_id = ':patient_id' and pl.status = 'ACTIVE';
