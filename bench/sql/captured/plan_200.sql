-- The 1 statement(s) one request of plan_200 issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :patient_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
select pl.id, pl.current_revision, pa.time_zone, pl.clinic_id, pl.created_at, pr.created_at,
       cast(pr.content as text)
from plan pl
join patient pa on pa.id = pl.patient_id
join plan_revision pr on pr.plan_id = pl.id and pr.revision = pl.current_revision
where pl.patient_id = ':patient_id' and pl.status = 'ACTIVE';
