package app.glide.visit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something done in the clinic (openapi.yaml {@code VisitIntervention}): its type, when and by
 * whom, and the details of its type, in the member named after it ({@code dryNeedling} for
 * DRY_NEEDLING, ...). {@link VisitRules} checks that exactly that member is given, fills in
 * {@code givenBy} (the caller) and the tape's {@code appliedAt} (the time given).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Intervention(
        @NotNull Type type,
        @NotNull Instant givenAt,
        UUID givenBy,
        @Valid ManualTherapy manualTherapy,
        @Valid DryNeedling dryNeedling,
        @Valid Taping taping,
        @Valid Education education) {

    public enum Type {
        MANUAL_THERAPY, DRY_NEEDLING, KINESIOLOGY_TAPING, EDUCATION;

        /** After these, soreness for a day or two is expected (issue 14, item 3). */
        public boolean mayLeaveSoreness() {
            return this == MANUAL_THERAPY || this == DRY_NEEDLING;
        }
    }

    public enum Grade { I, II, III, IV, V }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ManualTherapy(@NotNull @VisibleText @Size(max = 100) String technique,
                                @NotNull @VisibleText @Size(max = 100) String region,
                                Grade grade) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DryNeedling(@NotNull @Size(min = 1, max = 10)
                              List<@NotNull @VisibleText @Size(max = 100) String> muscles,
                              @NotNull Findings.Side side,
                              @NotNull Boolean consentRecorded,
                              @Size(max = 10) List<@NotNull @VisibleText @Size(max = 200) String> adverseEvents) {
    }

    /** Kinesiology tape: {@code appliedAt} defaults to the time given; worn until after it, for at most 7 days. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Taping(@NotNull @VisibleText @Size(max = 100) String region, @Size(max = 500) String application,
                         Instant appliedAt, @NotNull Instant wearUntil, @NotNull Boolean skinCheckDone) {
    }

    public record Education(
            @NotNull @Size(min = 1, max = 10) List<@NotNull @VisibleText @Size(max = 200) String> topics) {
    }

    Intervention completed(UUID by, Taping tape) {
        return new Intervention(type, givenAt, by, manualTherapy, dryNeedling, tape, education);
    }
}
