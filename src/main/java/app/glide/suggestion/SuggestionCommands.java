package app.glide.suggestion;

import app.glide.access.Caller;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.plan.Plan;
import app.glide.plan.PlanAdjuster;
import app.glide.plan.PlanChanges;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanRevision;
import app.glide.plan.ServedPlan;
import app.glide.web.ApiProblem;
import app.glide.web.PatientLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * A therapist's answer to a suggestion: accepting applies it as a plan revision naming the
 * rule; declining sets it aside until new evidence gives a new basis. Either is remembered
 * per plan, item and basis.
 */
@ApplicationScoped
@Transactional
public class SuggestionCommands {

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    PlanChanges plans;

    @Inject
    ItemSuggestions suggestions;

    @Inject
    SuggestionStore store;

    @Inject
    PendingSuggestions pending;

    @Inject
    PatientLocks locks;

    public ServedPlan accept(UUID patientId, UUID itemId, String ifMatch) {
        Patient p = access.require(patientId);
        Plan plan = plans.lockForChange(p.id, ifMatch, true);
        PlanContent content = plans.currentContent(plan);
        ItemSuggestion c = forItem(suggestions.compute(p, plan, content), itemId);
        if (c.isHold()) {
            throw ApiProblem.conflict("nothing-to-apply", "Nothing to apply",
                    "The suggestion for this item is HOLD (" + c.decision().reason() + ")");
        }
        PlanAdjuster.Attempt r = suggestions.attempt(content, c, p.clinicId, suggestions.today(p));
        if (!r.ok()) {
            throw ApiProblem.unprocessable("adjustment-refused", "Adjustment not possible", r.refusal());
        }
        store.recordOutcome(plan.id, c, "ACCEPTED", caller.userId(), null);
        return plans.commitChange(plan, p, PlanRevision.Kind.ADJUSTED,
                "Suggestion accepted (rule " + c.decision().rule() + "): " + c.decision().reason(),
                c.changesWithRule(r.result().changes()), r.result().content(),
                new PlanChanges.Actor(caller.userId(), caller.role().name(), false));
    }

    public void decline(UUID patientId, UUID itemId, String reason) {
        Patient p = access.require(patientId);
        // Rewrites what the caseload shows as pending, as every session does: one writer per patient (PatientLocks).
        locks.lockWritable(p.id);
        Plan plan = ItemSuggestions.requireActive(p);
        ItemSuggestion c = forItem(suggestions.compute(p, plan, plans.currentContent(plan)), itemId);
        store.recordOutcome(plan.id, c, "DECLINED", caller.userId(), reason);
        PlanContent content = plans.currentContent(plan);
        pending.refresh(p, plan, content, suggestions.compute(p, plan, content));
    }

    private static ItemSuggestion forItem(List<ItemSuggestion> computed, UUID itemId) {
        return computed.stream().filter(x -> x.item().id().equals(itemId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("plan item", itemId));
    }
}
