package app.glide.suggestion;

import app.glide.plan.PlanItem;
import app.glide.suggestion.SuggestionRules.Action;
import app.glide.suggestion.SuggestionRules.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One item's suggestion, the basis it was decided on (the newest session counted and its
 * next-morning answer: a decision on a basis is taken once), and the signal, if any, that
 * holds the item's scheduled progression. Plain Java.
 */
record ItemSuggestion(PlanItem item, Decision decision, String basis, Optional<String> holdingSignal) {

    boolean isHold() {
        return decision.action() == Action.HOLD;
    }

    /** The key of this suggestion among the plan's decided ones ({@code suggestion_outcome}). */
    String decidedKey() {
        return decidedKey(item.id().toString(), basis);
    }

    static String decidedKey(String itemId, String basis) {
        return itemId + "|" + basis;
    }

    /** Something to apply that no one has accepted or declined yet. */
    boolean open(Set<String> decided) {
        return !isHold() && !decided.contains(decidedKey());
    }

    /** The adjustment's changes, and last the rule that asked for it. */
    List<String> changesWithRule(List<String> changes) {
        List<String> all = new ArrayList<>(changes);
        all.add("Rule " + decision.rule() + ": " + decision.reason());
        return all;
    }
}
