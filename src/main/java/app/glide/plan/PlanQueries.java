package app.glide.plan;

import app.glide.db.JsonColumns;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.plan.PlanViews.PlanView;
import app.glide.plan.PlanViews.RevisionView;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A patient's plan as the care team reads it: the plan in force, its revisions, the patient's plans. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    PatientAccess access;

    @Inject
    PlanAssemblers assemblers;

    @Inject
    JsonColumns json;

    @Inject
    PlanRevisions revisions;

    @Inject
    Clock clock;

    /** The active plan on the patient's today, with its ETag; the revision comes from {@link PlanRevisions}. */
    public ServedPlan current(UUID patientId) {
        Patient p = access.require(patientId);
        Plan plan = activePlan(p.id);
        PlanRevisions.Entry rev = revisions.one(plan.id, plan.currentRevision);
        LocalDate today = PatientCalendar.today(clock.instant(), p.timeZone);
        PlanView view = assemblers.forClinic(plan.clinicId)
                .plan(plan, rev.revision(), rev.createdAt(), rev.content(), today, p.timeZone);
        return new ServedPlan(view, new PlanEtag(plan.id, rev.revision(), today));
    }

    /** The active plan's revisions, newest first, keyset-paged by revision number. */
    public Page<RevisionView> revisions(UUID patientId, String cursor, int limit) {
        Plan plan = activePlan(access.require(patientId).id);
        Optional<PageCursor> after = PageCursor.decode(cursor);
        int below = after.map(PageCursor::intId).orElse(Integer.MAX_VALUE);
        List<PlanRevision> rows = PlanRevision.<PlanRevision>find(
                "id.planId = ?1 and id.revision < ?2 order by id.revision desc", plan.id, below)
                .page(0, limit + 1).list();
        return Page.of(rows, limit, this::revisionView, r -> new PageCursor("", Integer.toString(r.id.revision())));
    }

    public List<PlanViews.PlanSummary> plans(UUID patientId) {
        Patient p = access.require(patientId);
        return Plan.<Plan>find("patientId = ?1 order by createdAt desc", p.id).stream()
                .map(pl -> new PlanViews.PlanSummary(pl.id, pl.status, pl.currentRevision, pl.createdAt, pl.endedAt))
                .toList();
    }

    private static Plan activePlan(UUID patientId) {
        Plan plan = Plan.activeFor(patientId);
        if (plan == null) {
            throw Plan.noActivePlan();
        }
        return plan;
    }

    private RevisionView revisionView(PlanRevision r) {
        return new RevisionView(r.id.revision(), r.createdAt, r.createdBy, r.createdByRole, r.kind.name(), r.reason,
                r.effectiveOn, json.read(r.changes, STRINGS), r.visitId);
    }
}
