-- Whether a flare-up is active, on the plan row: the caseload shows it for every patient
-- with one index probe instead of reading each plan's current revision content. The
-- application sets it with every new revision (PlanService), from that revision's
-- content.flare.startedOn; null when no flare-up is active.
alter table plan add column flare_started_on date;

update plan p
set flare_started_on = case when jsonb_typeof(r.content -> 'flare' -> 'startedOn') = 'string'
                            then cast(r.content -> 'flare' ->> 'startedOn' as date)
                            else r.effective_on end
from plan_revision r
where r.plan_id = p.id and r.revision = p.current_revision
  and jsonb_typeof(r.content -> 'flare') = 'object';
