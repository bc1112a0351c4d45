package app.glide.suggestion;

import app.glide.alert.AlertChanged;
import app.glide.alert.AlertKind;
import app.glide.alert.AlertService;
import app.glide.exercise.ExerciseCatalog;
import app.glide.patient.Patient;
import app.glide.plan.Plan;
import app.glide.plan.PlanAdjuster;
import app.glide.plan.PlanChanges;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanRevised;
import app.glide.plan.PlanRevision;
import app.glide.session.SessionEvidence;
import app.glide.visit.VisitRecorded;
import app.glide.suggestion.SuggestionRules.Action;
import app.glide.web.RollbackGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What follows new evidence (a session, a next-morning check, a red-flag check-in, a resolved
 * signal alert) and every plan revision: in AUTO mode the plan changes by itself (progressions
 * only up to the item's ceiling, regressions at once), signals hold and release scheduled
 * progressions, and what the caseload shows as pending follows. Every change is a plan revision
 * naming the rule.
 */
@ApplicationScoped
@Transactional
public class SuggestionFollowUp {

    private static final Logger LOG = Logger.getLogger(SuggestionFollowUp.class);

    @Inject
    ItemSuggestions suggestions;

    @Inject
    SuggestionStore store;

    @Inject
    PendingSuggestions pending;

    @Inject
    PlanChanges plans;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    AlertService alerts;

    @Inject
    RollbackGuard rollbacks;

    /**
     * After new evidence, inside the transaction that stored it. In AUTO mode, applies each
     * item's undecided REGRESS, and its PROGRESS when the result stays within the item's
     * ceiling. In every mode, holds the scheduled progression of items while a signal stands
     * (see {@link SuggestionRules#HOLDING_SIGNALS}) and lets it climb again, from where it was,
     * once none does. Each change is a revision naming the rule.
     *
     * @return how many revisions were written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int afterNewEvidence(Patient p) {
        return afterNewEvidence(p, null);
    }

    /**
     * As {@link #afterNewEvidence(Patient)}, for a caller that already read the patient's
     * active plan (its id and current revision; it is locked and re-read before any change).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int afterNewEvidence(Patient p, Plan knownActive) {
        Plan active = knownActive != null ? knownActive : Plan.activeFor(p.id);
        if (active == null) {
            pending.clear(p.id);
            return 0;
        }
        PlanContent content = suggestions.current(active);
        List<ItemSuggestion> computed = suggestions.compute(p, active, content);
        boolean auto = content.adjustmentMode() == PlanContent.AdjustmentMode.AUTO;
        int written = 0;
        // Most sessions change no hold: decide first, and lock the plan only to change it.
        if (auto || !holdChanges(p, content, computed).changes().isEmpty()) {
            Plan plan = plans.lockForChange(p.id, null, false);
            written = (auto ? autoApply(p, plan) : 0) + reviewHolds(p, plan);
            // Once locked, what is pending is decided from the plan as it now is.
            active = plan;
            content = suggestions.current(plan);
            computed = suggestions.compute(p, plan, content);
        }
        pending.refresh(p, active, content, computed);
        return written;
    }

    /** A logged session or next-morning check: the rules follow (AUTO changes, holds, what is pending). */
    void onSessionEvidence(@Observes @Priority(SessionEvidence.SUGGESTIONS)
                           SessionEvidence e) {
        afterNewEvidence(e.patient(), e.knownActive());
    }

    /** A new plan revision (any author) or an ended plan: what is pending follows. */
    void onPlanRevised(@Observes @Priority(PlanRevised.SUGGESTIONS)
                       PlanRevised e) {
        Patient p = Patient.findById(e.patientId());
        Plan active = Plan.activeFor(e.patientId());
        if (p == null || active == null) {
            pending.clear(e.patientId());
            return;
        }
        PlanContent content = suggestions.current(active);
        pending.refresh(p, active, content, suggestions.compute(p, active, content));
    }

    /**
     * A red flag raised or a signal alert resolved (a check-in, a therapist's resolution):
     * holds follow at once, not at the next session. After the check-in or resolution has
     * committed, in a transaction of its own: the most safety-critical write (a red flag)
     * never depends on this review succeeding. If it fails (a concurrent plan change, say),
     * it is logged and the holds follow with the next evidence. Alerts raised while logging
     * a session are followed by {@link #afterNewEvidence} at the end of that request.
     */
    void onAlert(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                 AlertChanged e) {
        boolean signal = e.kind() == AlertKind.RED_FLAG || e.kind() == AlertKind.PAIN_RISING
                || e.kind() == AlertKind.PERIPHERALISATION;
        if (!signal || (e.kind() != AlertKind.RED_FLAG && e.open())) {
            return;
        }
        reviewApart(e.patientId(), "a " + e.kind() + " alert");
    }

    /** {@link #afterNewEvidence} in a transaction of its own; a failure is logged (the next session follows). */
    private void reviewApart(UUID patientId, String after) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Patient p = Patient.findById(patientId);
                if (p != null) {
                    afterNewEvidence(p);
                }
            });
        } catch (RuntimeException failed) {
            rollbacks.reported(); // its own transaction, already over; what the request did is committed
            LOG.warnf("Reviewing the plan holds after %s of patient %s failed (%s); they follow with the next"
                    + " session", after, patientId, failed.toString());
        }
    }

    /**
     * A visit with dry needling or manual therapy opens an expected-soreness window (an amendment
     * may move or remove one): the holds follow at once (nothing progresses while it is open), after the visit has committed and in
     * a transaction of their own, as for alerts above.
     */
    void onVisit(@Observes(during = TransactionPhase.AFTER_SUCCESS) VisitRecorded e) {
        if (e.touchesSorenessWindows()) {
            reviewApart(e.patientId(), "visit " + e.visitId());
        }
    }

    private int autoApply(Patient p, Plan plan) {
        Set<String> decided = store.decidedKeys(plan.id);
        int applied = 0;
        int before = plan.currentRevision;
        List<String> all = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        boolean regressed = false;
        LocalDate today = suggestions.today(p);
        for (ItemSuggestion c : suggestions.compute(p, plan, suggestions.current(plan))) {
            if (!c.open(decided)) {
                continue;
            }
            if (PlanAdjuster.HOLD_FLARE.equals(c.item().hold())) {
                continue; // the flare-up stepped it back already; its end restores it (the therapist sees the suggestion)
            }
            PlanContent content = suggestions.current(plan);
            PlanAdjuster.Attempt r = suggestions.attempt(content, c, p.clinicId, today);
            if (!r.ok()) {
                continue; // nothing left to step: stays a suggestion, marked not applicable
            }
            if (c.decision().action() == Action.PROGRESS && !SignalHolds.withinCeiling(c.item(),
                    r.result().content().item(c.item().id()).orElseThrow(), catalog.chainFor(p.clinicId))) {
                continue;
            }
            store.recordOutcome(plan.id, c, "AUTO_APPLIED", null, null);
            plans.commitChange(plan, p, PlanRevision.Kind.ADJUSTED,
                    "Automatic (rule " + c.decision().rule() + "): " + c.decision().reason(),
                    c.changesWithRule(r.result().changes()), r.result().content(), PlanChanges.Actor.RULE);
            all.addAll(r.result().changes());
            rules.add(c.decision().rule());
            regressed |= c.decision().action() == Action.REGRESS;
            applied++;
        }
        if (applied > 0) {
            // One alert for what this evidence changed, however many items: undo is one restore.
            alerts.raise(p.clinicId, p.id, AlertKind.PLAN_AUTO_ADJUSTED, "revision:" + plan.id + ":" + plan.currentRevision,
                    "The plan was changed automatically: " + String.join("; ", all) + ". Undo by restoring revision "
                            + before + ".",
                    Map.of("revision", plan.currentRevision, "rule", String.join(", ", rules),
                            "action", regressed ? Action.REGRESS.name() : Action.PROGRESS.name(), "restore", before), true);
        }
        return applied;
    }

    private SignalHolds.Changes holdChanges(Patient p, PlanContent content, List<ItemSuggestion> computed) {
        return SignalHolds.changes(content, computed, suggestions.today(p), catalog.chainFor(p.clinicId),
                id -> catalog.get(id).map(ExerciseCatalog.Entry::name));
    }

    private int reviewHolds(Patient p, Plan plan) {
        PlanContent content = suggestions.current(plan);
        SignalHolds.Changes h = holdChanges(p, content, suggestions.compute(p, plan, content));
        if (h.changes().isEmpty()) {
            return 0;
        }
        plans.commitChange(plan, p, PlanRevision.Kind.ADJUSTED, h.reason(), h.changes(), h.content(),
                PlanChanges.Actor.RULE);
        return 1;
    }
}
