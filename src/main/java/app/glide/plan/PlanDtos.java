package app.glide.plan;

import app.glide.exercise.DosageField;
import app.glide.exercise.Dosage;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

/** Request bodies of the plan endpoints (see openapi.yaml). */
public final class PlanDtos {

    private PlanDtos() {
    }

    public record PlanRequest(
            @Size(min = 1, max = 100) String name,
            @Size(max = 80) String templateSlug,
            @NotBlank @Size(max = 500) String reason,
            @Min(10) @Max(150) Integer scalePercent,
            @NotNull @Size(min = 1, max = PlanContent.MAX_ITEMS, message = "must hold 1 to 20 items")
            List<@NotNull @Valid ItemInput> items,
            PlanContent.AdjustmentMode adjustmentMode,
            @Valid RulesInput rules,
            @Size(max = 20) List<@NotNull UUID> educationCardIds,
            UUID visitId) {

        public PlanRequest(String name, String templateSlug, String reason, Integer scalePercent, List<ItemInput> items) {
            this(name, templateSlug, reason, scalePercent, items, null, null, null, null);
        }
    }

    public record RulesInput(
            @Min(1) @Max(10) Integer progressAfterSessions,
            @Min(0) @Max(10) Integer progressMaxPain,
            @Min(0) @Max(10) Integer regressPainAbove,
            @Min(0) @Max(10) Integer targetDifficulty) {

        PlanContent.RuleOverrides toOverrides() {
            return new PlanContent.RuleOverrides(progressAfterSessions, progressMaxPain, regressPainAbove, targetDifficulty);
        }
    }

    public record CeilingInput(@NotNull UUID exerciseId, @Min(1) @Max(600) Integer maxValue) {
    }

    public record ItemInput(
            UUID id,
            @NotNull UUID exerciseId,
            @NotNull @Valid Dosage dosage,
            @NotNull @Valid ScheduleInput schedule,
            @Valid ProgressionInput progression,
            @Size(max = 500) String note,
            @Size(max = 50) String phase,
            Boolean paused,
            @Valid CeilingInput ceiling,
            UUID mediaId) {

        public ItemInput(UUID id, UUID exerciseId, Dosage dosage, ScheduleInput schedule, ProgressionInput progression,
                         String note, String phase, Boolean paused) {
            this(id, exerciseId, dosage, schedule, progression, note, phase, paused, null, null);
        }

        public ItemInput(UUID id, UUID exerciseId, Dosage dosage, ScheduleInput schedule, ProgressionInput progression,
                         String note, String phase, Boolean paused, CeilingInput ceiling) {
            this(id, exerciseId, dosage, schedule, progression, note, phase, paused, ceiling, null);
        }
    }

    /** Days are checked for duplicates and exclusivity in {@link PlanRules}, with field paths. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleInput(List<@NotNull DayOfWeek> daysOfWeek, @Min(1) @Max(14) Integer sessionsPerWeek) {
    }

    public record ProgressionInput(
            @NotNull DosageField field,
            @NotNull @Min(1) @Max(100) Integer increment,
            @NotNull @Min(1) @Max(90) Integer everyDays,
            @NotNull @Min(1) @Max(600) Integer cap,
            Boolean advanceChain) {

        Progression toProgression() {
            return new Progression(field, increment, everyDays, cap, Boolean.TRUE.equals(advanceChain));
        }
    }

    public record AdjustmentRequest(
            @NotNull Adjustment action,
            UUID itemId,
            @Valid Dosage dosage,
            UUID exerciseId,
            @Min(10) @Max(150) Integer scalePercent,
            @NotBlank @Size(max = 500) String reason,
            UUID visitId) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
