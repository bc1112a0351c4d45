package app.glide.outcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of the outcome-measure endpoints. */
public final class OutcomeDtos {

    private OutcomeDtos() {
    }

    /**
     * A questionnaire as the phone submits it. Ratings and answer codes are checked against the
     * instrument by the scorer (422 with a specific type), not here.
     */
    public record ResponseRequest(
            @NotBlank @Size(max = 40) String instrumentId,
            @NotBlank @Size(max = 20) String instrumentVersion,
            @NotNull OffsetDateTime answeredAt,
            @Size(max = 40) Map<@NotNull @Size(max = 40) String, @Size(max = 40) String> answers,
            @Size(max = 10) List<@NotNull @Valid ActivityRating> activities) {
    }

    /** One PSFS activity the patient named, rated 0 (cannot do it) to 10 (as before the problem). */
    public record ActivityRating(@NotBlank @Size(max = 100) String name, @NotNull Integer rating) {
    }

    /** The change of a score against the patient's baseline of the same instrument and version. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangeView(BigDecimal difference, BigDecimal threshold, Boolean meaningful,
                             Change.Direction direction, Change.Rule meaningfulBy) {

        static ChangeView of(Change c) {
            return new ChangeView(c.difference(), c.threshold(), c.meaningful(), c.direction(), c.meaningfulBy());
        }
    }

    /** The baseline a score is compared with: the patient's first response of the instrument (by answeredAt). */
    public record BaselineView(UUID responseId, Instant answeredAt, BigDecimal score, String band) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResponseView(UUID id, UUID patientId, String instrumentId, String instrumentVersion,
                               Instant answeredAt, Instant receivedAt, Map<String, String> answers,
                               List<ActivityRating> activities, BigDecimal score, String band,
                               Map<String, BigDecimal> subscores, int answeredItems, boolean baseline,
                               BaselineView baselineScore, ChangeView change, Map<String, ChangeView> activityChanges) {
    }

    public record ResponseList(List<ResponseView> responses) {
    }

    /** One point of an instrument's series, for the therapist's chart. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutcomePoint(UUID responseId, Instant answeredAt, BigDecimal score, String band,
                               ChangeView change, Map<String, ChangeView> activityChanges) {
    }

    /** A patient's scores on one instrument, oldest first, with the baseline and the latest change. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InstrumentSeries(String instrumentId, String instrumentVersion, String name,
                                   BaselineView baseline, OutcomePoint latest, List<OutcomePoint> points) {
    }

    public record PatientOutcomes(UUID patientId, List<InstrumentSeries> instruments) {
    }

    /** When a therapist wants an instrument answered. */
    public record ScheduleRequest(@NotNull Boolean atEvaluation, @Min(7) @Max(180) Integer everyDays,
                                  @NotNull Boolean atDischarge) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleView(String instrumentId, boolean atEvaluation, Integer everyDays, boolean atDischarge,
                               LocalDate startsOn, LocalDate dischargeOn, LocalDate dueSince, UUID scheduledBy,
                               Instant changedAt) {
    }

    public record ScheduleList(UUID patientId, List<ScheduleView> schedules) {
    }
}
