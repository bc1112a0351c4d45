package app.glide.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stored questionnaire response as read back: what was answered and the score computed when it
 * arrived. Plain Java.
 *
 * @param answers    item answers (null for PSFS)
 * @param activities PSFS's named activities (null for the others)
 */
public record StoredResponse(UUID id, UUID patientId, String instrumentId, String instrumentVersion,
                             Instant answeredAt, Instant receivedAt, Map<String, String> answers,
                             List<OutcomeDtos.ActivityRating> activities, BigDecimal score, String band,
                             Map<String, BigDecimal> subscores, int answeredItems) {
}
