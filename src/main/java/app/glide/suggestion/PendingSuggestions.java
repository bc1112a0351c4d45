package app.glide.suggestion;

import app.glide.patient.Patient;
import app.glide.plan.Plan;
import app.glide.plan.PlanContent;
import app.glide.suggestion.SuggestionRules.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps {@code pending_suggestion} (read by the caseload) in step, in the transaction of
 * whatever changed it: the actions of the suggestions a therapist would see as applicable and
 * undecided, REGRESS first.
 */
@ApplicationScoped
public class PendingSuggestions {

    @Inject
    ItemSuggestions suggestions;

    @Inject
    SuggestionStore store;

    void refresh(Patient p, Plan plan, PlanContent content, List<ItemSuggestion> computed) {
        if (computed.stream().allMatch(ItemSuggestion::isHold)) {
            store.clearPending(p.id);
            return;
        }
        Set<String> decided = store.decidedKeys(plan.id);
        LocalDate today = suggestions.today(p);
        TreeSet<Action> actions = new TreeSet<>(Comparator.comparing(a -> a == Action.REGRESS ? 0 : 1));
        for (ItemSuggestion c : computed) {
            if (c.open(decided) && suggestions.attempt(content, c, p.clinicId, today).ok()) {
                actions.add(c.decision().action());
            }
        }
        if (actions.isEmpty()) {
            store.clearPending(p.id);
            return;
        }
        store.savePending(p.id, plan.id, actions.stream().map(Action::name).collect(Collectors.joining(",")));
    }

    /** No active plan (none yet, or it ended): nothing is pending. */
    void clear(UUID patientId) {
        store.clearPending(patientId);
    }
}
