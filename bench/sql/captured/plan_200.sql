-- The 2 statement(s) one request of plan_200 issued, captured by bench/run.sh from the
-- PostgreSQL log (bound parameters inlined). Variables: :patient_id, :plan_id.
-- bench/run.sh renders one script per enrolled patient by replacing them in the text; by
-- hand: pgbench -n -M simple -D patient_id=... -D plan_id=... -f this.sql glide_bench
select pl.id, pl.current_revision, pa.time_zone, pl.clinic_id, pl.created_at
from plan pl join patient pa on pa.id = pl.patient_id
where pl.patient_id = ':patient_id' and pl.status = 'ACTIVE';
select pr1_0.plan_id,pr1_0.revision,pr1_0.changes,pr1_0.content,pr1_0.created_at,pr1_0.created_by,pr1_0.created_by_role,pr1_0.effective_on,pr1_0.kind,pr1_0.reason from plan_revision pr1_0 where (pr1_0.plan_id,pr1_0.revision) in ((':plan_id','3'));
