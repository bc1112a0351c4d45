package app.glide.session;

import app.glide.adherence.DoseMath;
import app.glide.exercise.Chain;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.ProgressionMath;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.session.SessionDtos.ItemStatus;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A session's completion: dose-weighted against what the revision prescribed on that day.
 * Plain Java; the items are assumed checked ({@link SessionRules#checkItems}).
 */
public final class CompletionMath {

    private CompletionMath() {
    }

    /**
     * The mean share done of the items due that day (a paused item is not due); on a day off,
     * of the items reported (an extra session counts against its prescription). Skipped and
     * unreported items count 0. Between 0 and 1.
     */
    public static double completion(List<ItemResult> reported, PlanContent content, LocalDate day, Chain chain) {
        Map<UUID, ItemResult> results = new HashMap<>();
        for (ItemResult it : reported) {
            results.put(it.itemId(), it);
        }
        List<PlanItem> due = content.items().stream()
                .filter(i -> !i.paused() && i.schedule().isDueOn(day)).toList();
        if (due.isEmpty()) {
            // An extra session on a day off: count what was reported against its prescription.
            due = content.items().stream().filter(i -> results.containsKey(i.id())).toList();
        }
        if (due.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (PlanItem item : due) {
            ItemResult it = results.get(item.id());
            if (it == null || it.status() == ItemStatus.SKIPPED) {
                continue;
            }
            var prescribed = ProgressionMath.on(item, day, chain).dosage().scaled(content.scalePercent());
            sum += DoseMath.share(prescribed, it.sets(), it.reps(), it.holdSeconds(), it.durationMinutes());
        }
        return sum / due.size();
    }
}
