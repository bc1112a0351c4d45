package app.glide.suggestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.plan.PlanItem;
import app.glide.suggestion.SuggestionRules.Action;
import app.glide.suggestion.SuggestionRules.Decision;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A decided suggestion stays decided on its basis only; applied ones name their rule. */
class ItemSuggestionTest {

    static final UUID ITEM = UUID.fromString("00000000-0000-0000-0000-000000000010");
    static final PlanItem ITEM_ROW = new PlanItem(ITEM, UUID.randomUUID(), null, null, null, null, null, null, null,
            false);

    static ItemSuggestion suggestion(Action action, String basis) {
        return new ItemSuggestion(ITEM_ROW, new Decision(action, "pain-above-limit", "Step back.", List.of(), List.of()),
                basis, Optional.empty());
    }

    @Test
    void openUntilDecidedOnTheSameBasis() {
        ItemSuggestion regress = suggestion(Action.REGRESS, "s1:SAME");
        assertEquals(ITEM + "|s1:SAME", regress.decidedKey());
        assertTrue(regress.open(Set.of()));
        assertFalse(regress.open(Set.of(ITEM + "|s1:SAME")));
        assertTrue(regress.open(Set.of(ITEM + "|s0:SAME")), "new evidence, a new basis");
    }

    @Test
    void aHoldIsNeverOpen() {
        ItemSuggestion hold = suggestion(Action.HOLD, "none");
        assertTrue(hold.isHold());
        assertFalse(hold.open(Set.of()));
    }

    @Test
    void changesEndWithTheRule() {
        assertEquals(List.of("Bridge: 12 → 10 reps", "Rule pain-above-limit: Step back."),
                suggestion(Action.REGRESS, "s1:SAME").changesWithRule(List.of("Bridge: 12 → 10 reps")));
    }
}
