package app.glide.suggestion;

import app.glide.exercise.ExerciseCatalog;
import app.glide.patient.Patient;
import app.glide.patient.PatientAccess;
import app.glide.plan.Plan;
import app.glide.plan.PlanAdjuster;
import app.glide.plan.PlanChanges;
import app.glide.plan.PlanContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The suggestions a therapist sees for a patient's active plan: undecided ones, with whether accepting would apply. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SuggestionViews {

    @Inject
    PatientAccess access;

    @Inject
    PlanChanges plans;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    ItemSuggestions suggestions;

    @Inject
    SuggestionStore store;

    public List<Suggestion> list(UUID patientId) {
        Patient p = access.require(patientId);
        Plan plan = ItemSuggestions.requireActive(p);
        PlanContent content = plans.currentContent(plan);
        Set<String> decided = store.decidedKeys(plan.id);
        LocalDate today = suggestions.today(p);
        return suggestions.compute(p, plan, content).stream()
                .filter(c -> !decided.contains(c.decidedKey()))
                .map(c -> view(c, c.isHold() ? null : suggestions.attempt(content, c, p.clinicId, today)))
                .toList();
    }

    /** {@code attempt}: what accepting would do (null for HOLD); a refused one is not applicable, and says why. */
    private Suggestion view(ItemSuggestion c, PlanAdjuster.Attempt attempt) {
        String name = catalog.get(c.item().exerciseId()).map(ExerciseCatalog.Entry::name).orElse(null);
        boolean applicable = attempt != null && attempt.ok();
        return new Suggestion(c.item().id(), c.item().exerciseId(), name, c.decision().action(), c.decision().rule(),
                c.decision().reason(), c.decision().evidence(),
                c.decision().sessionIds().stream().map(UUID::fromString).toList(), applicable,
                attempt != null && !attempt.ok() ? attempt.refusal() : null);
    }
}
