package app.glide.auth;

import app.glide.patient.PatientCredentials;
import app.glide.time.WallClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** auth/'s side of {@link PatientCredentials}: enrolment codes and token revocation for the patient feature. */
@ApplicationScoped
public class AuthPatientCredentials implements PatientCredentials {

    @Inject
    EnrolmentCodes codes;

    @Inject
    Revocations revocations;

    @Inject
    @WallClock
    Clock clock;

    @Override
    public Issued issueEnrolmentCode(UUID patientId, UUID issuedBy) {
        return codes.issue(patientId, issuedBy);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long revokeAll(UUID patientId, String reason) {
        Instant now = clock.instant();
        long revoked = RefreshToken.revokeAllOfUser(patientId, reason, now);
        EnrolmentCode.update("revokedAt = ?1 where patientId = ?2 and usedAt is null and revokedAt is null",
                now, patientId);
        revocations.revokeUser(patientId, reason); // access tokens too, within seconds on every replica
        return revoked;
    }
}
