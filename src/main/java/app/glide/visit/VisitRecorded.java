package app.glide.visit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A domain event: a visit was recorded or amended. Fired in the visit's transaction, after its rows; features
 * that follow visits observe it (the pain rules review the plan's holds when the visit opens an
 * expected-soreness window; a discharge visit makes the discharge questionnaires due) without
 * visits depending on them.
 *
 * @param kind EVALUATION, FOLLOW_UP or DISCHARGE
 * @param touchesSorenessWindows the visit's current version has dry needling or manual therapy, or it is an
 *        amendment (which may have added or removed them)
 * @param amended an amendment (a new version), not a new visit: its kind or date may have changed
 */
public record VisitRecorded(UUID clinicId, UUID patientId, UUID visitId, String kind, LocalDate visitDate,
                            boolean touchesSorenessWindows, boolean amended) {
}
