package app.glide.outcome;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A domain event, fired synchronously in the transaction that stored a new questionnaire response
 * (never for a replay), after it is written: features that react to outcomes (alerts) observe it
 * without the outcome feature depending on them. It commits or rolls back with the response.
 *
 * @param baseline true when this response is the patient's first of the instrument (the evaluation one)
 * @param change   against the baseline; {@code null} for the baseline itself (for PSFS, over the
 *                 activities named both times)
 * @param baselineScore the baseline response's score; {@code null} for the baseline itself
 */
public record OutcomeScored(UUID clinicId, UUID patientId, UUID responseId, String instrumentId, BigDecimal score,
                            String band, boolean baseline, OutcomeDtos.ChangeView change,
                            BigDecimal baselineScore) {

    /** A meaningful change for the worse against the baseline. */
    public boolean meaningfullyWorse() {
        return change != null && Boolean.TRUE.equals(change.meaningful())
                && change.direction() == Change.Direction.WORSENED;
    }
}
