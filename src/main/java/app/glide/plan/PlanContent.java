package app.glide.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Everything a plan revision holds. Immutable; a change makes a new content and a new revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanContent(String name, String templateSlug, int scalePercent, boolean paused, List<PlanItem> items) {

    public static final int MAX_ITEMS = 20;

    public Optional<PlanItem> item(UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    public PlanContent withItem(UUID itemId, UnaryOperator<PlanItem> change) {
        return new PlanContent(name, templateSlug, scalePercent, paused,
                items.stream().map(i -> i.id().equals(itemId) ? change.apply(i) : i).toList());
    }

    public PlanContent withItems(List<PlanItem> newItems) {
        return new PlanContent(name, templateSlug, scalePercent, paused, newItems);
    }

    public PlanContent withScale(int percent) {
        return new PlanContent(name, templateSlug, percent, paused, items);
    }

    public PlanContent withPaused(boolean planPaused) {
        return new PlanContent(name, templateSlug, scalePercent, planPaused, items);
    }
}
