package app.glide.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Everything a plan revision holds. Immutable; a change makes a new content and a new
 * revision. {@code adjustmentMode} AUTO lets the suggestion rules apply changes (within
 * each item's ceiling); {@code rules} overrides the clinic's rule thresholds for this plan;
 * {@code flare} is set while a flare-up is active.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanContent(String name, String templateSlug, int scalePercent, boolean paused, List<PlanItem> items,
                          AdjustmentMode adjustmentMode, RuleOverrides rules, FlareState flare,
                          List<UUID> educationCardIds) {

    public static final int MAX_ITEMS = 20;

    public enum AdjustmentMode {
        MANUAL, AUTO
    }

    /** Per-plan overrides of the clinic's suggestion thresholds; absent values use the clinic's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleOverrides(Integer progressAfterSessions, Integer progressMaxPain, Integer regressPainAbove,
                                Integer targetDifficulty) {
    }

    /**
     * An active flare-up: when, how bad, the revision before it, and what it did to each item
     * ({@code steps}), so that ending it restores exactly what it stepped back and nothing a
     * therapist changed meanwhile. Revisions written before {@code steps} existed have none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FlareState(LocalDate startedOn, Instant reportedAt, int pain, String symptomExtent,
                             double baselinePain, int preFlareRevision, List<FlareStep> steps) {
        public FlareState(LocalDate startedOn, Instant reportedAt, int pain, String symptomExtent,
                          double baselinePain, int preFlareRevision) {
            this(startedOn, reportedAt, pain, symptomExtent, baselinePain, preFlareRevision, null);
        }
    }

    /** One item as it was when the flare-up began ({@code before}, settled that day) and as the flare left it. */
    public record FlareStep(UUID itemId, PlanItem before, PlanItem after) {
    }

    @JsonCreator
    public PlanContent {
        // Immutable all the way down: parsed revisions are shared (see PlanRevisions).
        items = items == null ? null : List.copyOf(items);
        adjustmentMode = adjustmentMode == null ? AdjustmentMode.MANUAL : adjustmentMode;
        educationCardIds = educationCardIds == null ? List.of() : List.copyOf(educationCardIds);
    }

    public PlanContent(String name, String templateSlug, int scalePercent, boolean paused, List<PlanItem> items) {
        this(name, templateSlug, scalePercent, paused, items, AdjustmentMode.MANUAL, null, null, List.of());
    }

    public boolean inFlare() {
        return flare != null;
    }

    public PlanContent withFlare(FlareState state) {
        return new PlanContent(name, templateSlug, scalePercent, paused, items, adjustmentMode, rules, state,
                educationCardIds);
    }

    public Optional<PlanItem> item(UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    public PlanContent withItem(UUID itemId, UnaryOperator<PlanItem> change) {
        return withItems(items.stream().map(i -> i.id().equals(itemId) ? change.apply(i) : i).toList());
    }

    public PlanContent withItems(List<PlanItem> newItems) {
        return new PlanContent(name, templateSlug, scalePercent, paused, newItems, adjustmentMode, rules, flare,
                educationCardIds);
    }

    public PlanContent withScale(int percent) {
        return new PlanContent(name, templateSlug, percent, paused, items, adjustmentMode, rules, flare, educationCardIds);
    }

    public PlanContent withPaused(boolean planPaused) {
        return new PlanContent(name, templateSlug, scalePercent, planPaused, items, adjustmentMode, rules, flare,
                educationCardIds);
    }
}
