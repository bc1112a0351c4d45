package app.glide.suggestion;

import app.glide.exercise.Chain;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.ProgressionMath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the suggestions do to the plan by themselves: hold an item's scheduled progression
 * while a signal stands (see {@link SuggestionRules#HOLDING_SIGNALS}) and release it, from
 * today's dose, once none does; and how far AUTO mode may progress an item (its ceiling).
 * Plain Java.
 */
public final class SignalHolds {

    /** Hold reasons set and lifted here: "signal:" + the rule that holds the item. */
    public static final String SIGNAL_HOLD = "signal:";

    private SignalHolds() {
    }

    /** The plan with holds set or lifted as the suggestions say, and a sentence per change. */
    public record Changes(PlanContent content, List<String> changes) {

        /** The revision's reason: held when anything was held, resumed when all were released. */
        public String reason() {
            return "Automatic: scheduled progression "
                    + (changes.stream().allMatch(x -> x.contains("resumed")) ? "resumed" : "held") + " by the pain rules";
        }
    }

    /** An item whose scheduled progression a signal could hold, or that a signal holds now. */
    static boolean holdable(PlanItem i) {
        return !i.paused() && i.progression() != null && (!i.held() || i.hold().startsWith(SIGNAL_HOLD));
    }

    /**
     * Holds the items a signal holds and releases those no signal holds any more, both at the
     * prescription of {@code today}.
     *
     * @param names an exercise's name, when known
     */
    static Changes changes(PlanContent content, List<ItemSuggestion> computed, LocalDate today, Chain chain,
                           Function<UUID, Optional<String>> names) {
        List<String> changes = new ArrayList<>();
        PlanContent next = content;
        for (ItemSuggestion c : computed) {
            PlanItem item = c.item();
            if (!holdable(item)) {
                continue;
            }
            Optional<String> signal = c.holdingSignal();
            String name = names.apply(item.exerciseId()).orElse("Item");
            ProgressionMath.Prescription now = ProgressionMath.on(item, today, chain);
            if (signal.isPresent() && !item.held()) {
                PlanItem held = item.withState(now.exerciseId(), now.dosage(), today)
                        .withHold(SIGNAL_HOLD + signal.get());
                next = next.withItem(item.id(), i -> held);
                changes.add(name + ": scheduled progression held (rule " + signal.get() + ")"
                        + (signal.get().equals(c.decision().rule()) ? ": " + c.decision().reason() : ""));
            } else if (signal.isEmpty() && item.held()) {
                PlanItem released = item.withState(now.exerciseId(), now.dosage(), today).withHold(null);
                next = next.withItem(item.id(), i -> released);
                changes.add(name + ": scheduled progression resumed from today's dose (no signal stands)");
            }
        }
        return new Changes(next, changes);
    }

    /** Whether an automatically progressed item stays at or below its ceiling. No ceiling: no automatic progression. */
    static boolean withinCeiling(PlanItem before, PlanItem after, Chain chain) {
        PlanItem.Ceiling ceiling = before.ceiling();
        if (ceiling == null) {
            return false;
        }
        if (after.exerciseId().equals(ceiling.exerciseId())) {
            if (ceiling.maxValue() == null || after.progression() == null) {
                return true;
            }
            Integer value = after.dosage().get(after.progression().field());
            return value == null || value <= ceiling.maxValue();
        }
        // Allowed when the ceiling is a harder step than where the item now is.
        for (Optional<UUID> e = chain.harder(after.exerciseId()); e.isPresent(); e = chain.harder(e.get())) {
            if (e.get().equals(ceiling.exerciseId())) {
                return true;
            }
        }
        return false;
    }
}
