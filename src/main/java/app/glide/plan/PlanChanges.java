package app.glide.plan;

import app.glide.audit.AuditLog;
import app.glide.db.JsonColumns;
import app.glide.patient.Patient;
import app.glide.plan.PlanViews.PlanView;
import app.glide.web.PatientLocks;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a plan changes, for the plan endpoints ({@link PlanCommands}) and the features that
 * change plans on their own (accepted or automatic suggestions, flare-ups): lock the plan
 * row, read the content in force, write a new immutable revision and its audit event, and
 * tell the observers of {@link PlanRevised}. Runs only inside the caller's transaction.
 * Revisions are read through {@link PlanRevisions}, never loaded here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanChanges {

    @Inject
    AuditLog audit;

    @Inject
    PlanAssemblers assemblers;

    @Inject
    JsonColumns json;

    @Inject
    PatientLocks locks;

    @Inject
    PlanRevisions revisions;

    @Inject
    Event<PlanRevised> revised;

    @Inject
    Clock clock;

    /** Who makes a revision: the caller, or a rule (AUTO mode) acting for nobody in particular. */
    public record Actor(UUID userId, String role, boolean system) {
        public static final Actor RULE = new Actor(null, "RULE", true);
    }

    /** Locks the patient's active plan for a change (404 without one); checks If-Match when given. */
    public Plan lockForChange(UUID patientId, String ifMatch, boolean ifMatchRequired) {
        Plan plan = lockActive(patientId);
        if (plan == null) {
            throw Plan.noActivePlan();
        }
        if (ifMatchRequired || ifMatch != null) {
            PlanEtag.requireCurrent(ifMatch, plan.id, plan.currentRevision);
        }
        return plan;
    }

    /**
     * The patient's lock, then the plan row's; null when the patient has no active plan.
     * Every plan change goes through here, and a revision changes the adherence snapshot, so
     * it waits for (and is waited for by) the patient's other writers in one lock order (see
     * PatientLocks).
     */
    public Plan lockActive(UUID patientId) {
        locks.lockWritable(patientId);
        Plan plan = Plan.<Plan>find("patientId = ?1 and status = ?2", patientId, Plan.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (plan != null) {
            // When this transaction had already loaded the plan (to decide before locking), the
            // query returns that instance as it was then: read it again now that the row is ours.
            Panache.getEntityManager().refresh(plan);
            if (!Plan.ACTIVE.equals(plan.status)) {
                return null;
            }
        }
        return plan;
    }

    /** The content of the revision in force (parsed once per instance, see {@link PlanRevisions}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanContent currentContent(Plan plan) {
        return revisions.one(plan.id, plan.currentRevision).content();
    }

    /** The content of one revision of the plan, or null when it has no such revision. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanContent contentOf(UUID planId, int revision) {
        PlanRevisions.Entry r = revisions.one(planId, revision);
        return r == null ? null : r.content();
    }

    /**
     * Writes a new revision made outside the plan endpoints, effective on the patient's
     * today. The caller must hold the plan row lock ({@link #lockForChange}).
     */
    public ServedPlan commitChange(Plan plan, Patient p, PlanRevision.Kind kind, String reason, List<String> changes,
                                   PlanContent content, Actor actor) {
        return commitChange(plan, p, kind, reason, changes, content, PatientCalendar.today(clock.instant(), p.timeZone),
                actor);
    }

    /** As above, effective on {@code today} (the day the change was decided against). */
    public ServedPlan commitChange(Plan plan, Patient p, PlanRevision.Kind kind, String reason, List<String> changes,
                                   PlanContent content, LocalDate today, Actor actor) {
        return commitChange(plan, p, kind, reason, changes, content, today, actor, null);
    }

    /** As above, pointing to the visit it follows ({@code visitId}, checked by the caller; null for none). */
    public ServedPlan commitChange(Plan plan, Patient p, PlanRevision.Kind kind, String reason, List<String> changes,
                                   PlanContent content, LocalDate today, Actor actor, UUID visitId) {
        PlanRevision rev = new PlanRevision();
        rev.visitId = visitId;
        int next = kind == PlanRevision.Kind.CREATED ? 1 : plan.currentRevision + 1;
        rev.id = new PlanRevision.Key(plan.id, next);
        rev.createdAt = clock.instant();
        rev.createdBy = actor.userId();
        rev.createdByRole = actor.role();
        rev.kind = kind;
        rev.reason = reason.strip();
        rev.effectiveOn = today;
        rev.changes = json.write(changes);
        rev.content = json.write(content);
        rev.persist();
        plan.currentRevision = rev.id.revision();
        plan.flareStartedOn = content.inFlare() ? content.flare().startedOn() : null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("patientId", p.id.toString());
        details.put("revision", rev.id.revision());
        details.put("kind", kind.name());
        // Not the reason itself: free text may name the patient, and audit rows outlive an erasure
        // (docs/security.md "Erasure"); it stays in plan_revision, which the revision number leads to.
        details.put("changes", changes);
        if (visitId != null) {
            details.put("visitId", visitId.toString());
        }
        String action = kind == PlanRevision.Kind.CREATED ? "created" : "revised";
        if (actor.system()) {
            audit.recordAs(p.clinicId, null, actor.role(), "plan", plan.id, action, details);
        } else {
            audit.record("plan", plan.id, action, details);
        }
        PlanView view = assemblers.forClinic(p.clinicId).plan(plan, rev, content, today, p.timeZone);
        // What is expected of the patient changed: the caseload's adherence (and what is pending)
        // must follow now, in this transaction (PlanRevised's observers).
        Panache.getEntityManager().flush();
        revised.fire(new PlanRevised(p.id, plan.id, p.timeZone, false, actor.role()));
        return new ServedPlan(view, new PlanEtag(plan.id, rev.id.revision(), today));
    }
}
