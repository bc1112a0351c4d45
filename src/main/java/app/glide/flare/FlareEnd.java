package app.glide.flare;

import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What ending a flare-up does to the plan. Plain Java. An item still exactly as the
 * flare-up left it goes back to what it was prescribed the day the flare-up began, counted
 * from today (its scheduled progression resumes from there, it does not jump over the
 * flare-up's days); an item a therapist changed during the flare-up keeps the change;
 * items added during the flare-up are untouched. Plan-wide settings (scale, pause, mode)
 * stay as they are now.
 */
public final class FlareEnd {

    private FlareEnd() {
    }

    public record Ended(PlanContent content, List<UUID> restored, List<UUID> keptTherapistChange) {
    }

    public static Ended restore(PlanContent current, LocalDate today) {
        List<UUID> restored = new ArrayList<>();
        List<UUID> kept = new ArrayList<>();
        PlanContent out = current.withFlare(null);
        for (PlanContent.FlareStep step : current.flare().steps()) {
            PlanItem now = current.item(step.itemId()).orElse(null);
            if (now == null) {
                continue; // removed during the flare-up
            }
            if (now.equals(step.after())) {
                PlanItem back = now.withState(step.before().exerciseId(), step.before().dosage(), today)
                        .withHold(step.before().hold());
                out = out.withItem(step.itemId(), i -> back);
                restored.add(step.itemId());
            } else {
                kept.add(step.itemId());
            }
        }
        return new Ended(out, restored, kept);
    }
}
