package app.glide.patient;

import java.time.Instant;
import java.util.UUID;

/**
 * What the patient feature needs of a patient's credentials: a new enrolment code, and on
 * discharge the end of every credential. Implemented in auth/ (which depends on patient/ for
 * enrolment and never the other way round), in the caller's transaction.
 */
public interface PatientCredentials {

    /** A freshly issued enrolment code, shown once. */
    record Issued(String code, Instant expiresAt) {
    }

    /** Issues a new enrolment code (the patient's unused ones are revoked). */
    Issued issueEnrolmentCode(UUID patientId, UUID issuedBy);

    /**
     * Ends every credential of a discharged patient: refresh tokens, unused enrolment codes, and
     * access tokens (within seconds on every replica).
     *
     * @return how many refresh tokens were revoked
     */
    long revokeAll(UUID patientId, String reason);
}
