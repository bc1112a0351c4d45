package app.glide.plan;

import app.glide.access.Caller;
import app.glide.audit.AuditLog;
import app.glide.education.EducationCatalog;
import app.glide.exercise.ExerciseCatalog;
import app.glide.media.MediaLinks;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.visit.VisitLinks;
import app.glide.web.ApiProblem;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The care team's changes to a patient's plan: replace, adjust, restore a revision, end.
 * Each locks the plan row, checks If-Match against the current revision, and writes a new
 * immutable revision and an audit event in one transaction ({@link PlanChanges}).
 */
@ApplicationScoped
@Transactional
public class PlanCommands {

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    EducationCatalog education;

    @Inject
    AuditLog audit;

    @Inject
    PlanChanges changes;

    @Inject
    PlanRevisions revisions;

    @Inject
    PlanAdjustments adjustments;

    @Inject
    Event<PlanRevised> revised;

    @Inject
    VisitLinks visits;

    @Inject
    MediaLinks media;

    @Inject
    Clock clock;

    public ServedPlan replace(UUID patientId, String ifMatch, PlanDtos.PlanRequest request) {
        Patient p = access.require(patientId);
        LocalDate today = PatientCalendar.today(clock.instant(), p.timeZone);
        if (request.visitId() != null) {
            visits.requireLinkable(p.id, request.visitId(), today);
        }
        Plan plan = changes.lockActive(p.id);
        PlanContent before = null;
        if (plan != null) {
            PlanEtag.requireCurrent(ifMatch, plan.id, plan.currentRevision);
            before = changes.currentContent(plan);
        }
        PlanContent after = PlanRules.toContent(request, id -> catalog.visible(id, p.clinicId).orElse(null), before, today,
                catalog.chainFor(p.clinicId), id -> education.visible(id, p.clinicId));
        media.requireUsableInPlan(p.clinicId, p.id, after.items().stream().map(PlanItem::mediaId)
                .filter(java.util.Objects::nonNull).toList());
        List<String> described = PlanRules.describeReplacement(before, after, names(after, before));
        PlanRevision.Kind kind = PlanRevision.Kind.REPLACED;
        if (plan == null) {
            plan = new Plan();
            plan.id = UUID.randomUUID();
            plan.patientId = p.id;
            plan.clinicId = p.clinicId;
            plan.status = Plan.ACTIVE;
            plan.currentRevision = 1;
            plan.createdAt = clock.instant();
            plan.createdBy = caller.userId();
            plan.persist();
            kind = PlanRevision.Kind.CREATED;
        }
        return changes.commitChange(plan, p, kind, request.reason(), described, after, today, byCaller(),
                request.visitId());
    }

    public ServedPlan adjust(UUID patientId, String ifMatch, PlanDtos.AdjustmentRequest request) {
        Patient p = access.require(patientId);
        Plan plan = changes.lockForChange(p.id, ifMatch, true);
        if (request.action().needsItem() && request.itemId() == null) {
            throw ApiProblem.invalidField("itemId", "is required for " + request.action());
        }
        if (request.action() == Adjustment.SCALE_PLAN && request.scalePercent() == null) {
            throw ApiProblem.invalidField("scalePercent", "is required for SCALE_PLAN");
        }
        LocalDate today = PatientCalendar.today(clock.instant(), p.timeZone);
        if (request.visitId() != null) {
            visits.requireLinkable(p.id, request.visitId(), today);
        }
        PlanContent before = changes.currentContent(plan);
        if (request.dosage() != null || request.exerciseId() != null) {
            checkAdjustmentTarget(before, request, p.clinicId);
        }
        PlanAdjuster.Attempt attempt = adjustments.attempt(before, new PlanAdjuster.Request(request.action(),
                request.itemId(), request.dosage(), request.exerciseId(), request.scalePercent()), p.clinicId, today);
        if (!attempt.ok()) {
            throw ApiProblem.unprocessable("adjustment-refused", "Adjustment not possible", attempt.refusal());
        }
        return changes.commitChange(plan, p, PlanRevision.Kind.ADJUSTED, request.reason(), attempt.result().changes(),
                attempt.result().content(), today, byCaller(), request.visitId());
    }

    public ServedPlan restore(UUID patientId, int revisionNumber, String ifMatch, String reason) {
        Patient p = access.require(patientId);
        Plan plan = changes.lockForChange(p.id, ifMatch, true);
        PlanRevisions.Entry old = revisions.one(plan.id, revisionNumber);
        if (old == null) {
            throw ApiProblem.notFound("revision", revisionNumber);
        }
        if (revisionNumber == plan.currentRevision) {
            throw ApiProblem.conflict("already-current", "Revision is current",
                    "Revision " + revisionNumber + " is already the plan in force.");
        }
        LocalDate today = PatientCalendar.today(clock.instant(), p.timeZone);
        return changes.commitChange(plan, p, PlanRevision.Kind.RESTORED, reason,
                List.of("Restored revision " + revisionNumber), old.content(), today,
                byCaller());
    }

    public void end(UUID patientId, String ifMatch, String reason) {
        Patient p = access.require(patientId);
        Plan plan = changes.lockForChange(p.id, ifMatch, true);
        plan.status = Plan.ENDED;
        plan.endedAt = clock.instant();
        plan.endedBy = caller.userId();
        // Not the reason itself: free text may name the patient, and audit rows outlive an erasure.
        audit.record("plan", plan.id, "ended", Map.of("patientId", p.id.toString(), "reasonGiven", reason != null));
        Panache.getEntityManager().flush();
        revised.fire(new PlanRevised(p.id, plan.id, p.timeZone, true, caller.role().name()));
    }

    private PlanChanges.Actor byCaller() {
        return new PlanChanges.Actor(caller.userId(), caller.role().name(), false);
    }

    /** Dosage and exercise given to SET_DOSAGE / SET_EXERCISE must fit the exercise they land on. */
    private void checkAdjustmentTarget(PlanContent content, PlanDtos.AdjustmentRequest r, UUID clinicId) {
        UUID target = r.exerciseId();
        if (target == null) {
            PlanItem item = content.item(r.itemId()).orElse(null);
            if (item == null) {
                return; // the adjuster names the missing item
            }
            target = item.exerciseId();
        }
        ExerciseCatalog.Entry e = catalog.visible(target, clinicId).orElseThrow(() ->
                new ApiProblem(422, "unknown-exercise", "Adjustment not possible", "1 problem in the adjustment.",
                        List.of(new ApiProblem.FieldError("exerciseId", "no exercise " + r.exerciseId() + " in your library")),
                        null));
        if (r.dosage() != null && !e.dosageType().fits(r.dosage())) {
            throw new ApiProblem(422, "dosage-mismatch", "Adjustment not possible", "1 problem in the adjustment.",
                    List.of(new ApiProblem.FieldError("dosage", e.name() + " is dosed by "
                            + e.dosageType().name().toLowerCase() + ": give " + e.dosageType().needs())), null);
        }
    }

    /** The names of the exercises either content uses, for the sentences describing a replacement. */
    private Map<UUID, String> names(PlanContent after, PlanContent before) {
        List<UUID> ids = new ArrayList<>(after.items().stream().map(PlanItem::exerciseId).toList());
        if (before != null) {
            before.items().forEach(i -> ids.add(i.exerciseId()));
        }
        Map<UUID, String> names = new HashMap<>();
        catalog.get(ids).forEach((id, e) -> names.put(id, e.name()));
        return names;
    }
}
