package app.glide.auth;

import app.glide.config.GlideConfig;
import app.glide.patient.PatientCredentials.Issued;
import app.glide.time.WallClock;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Issues enrolment codes. Issuing a new code for a patient revokes any live one and clears
 * everything counted against the old and the new code's lookup (auth/AttemptLimiter), so a
 * therapist can always give a patient a code that works at once, whatever an attacker did.
 */
@ApplicationScoped
public class EnrolmentCodes {

    @Inject
    GlideConfig config;

    @Inject
    Passwords passwords;

    @Inject
    AttemptLimiter limiter;

    @Inject
    @WallClock
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issue(UUID patientId, UUID issuedBy) {
        Instant now = clock.instant();
        List<String> revokedLookups = EnrolmentCode.<EnrolmentCode>list(
                "patientId = ?1 and usedAt is null and revokedAt is null", patientId).stream().map(c -> c.lookup).toList();
        EnrolmentCode.update("revokedAt = ?1 where patientId = ?2 and usedAt is null and revokedAt is null",
                now, patientId);
        // Make the revocation visible to the unique index on live lookups before inserting.
        Panache.getEntityManager().flush();
        for (int attempt = 0; ; attempt++) {
            CodeFormat.Parts parts = CodeFormat.generate();
            if (EnrolmentCode.count("lookup = ?1 and usedAt is null and revokedAt is null", parts.lookup()) > 0) {
                if (attempt > 20) {
                    throw new IllegalStateException("could not find a free enrolment code lookup");
                }
                continue;
            }
            EnrolmentCode c = new EnrolmentCode();
            c.id = UUID.randomUUID();
            c.patientId = patientId;
            c.lookup = parts.lookup();
            c.secretHash = passwords.hash(parts.secret());
            c.createdAt = now;
            c.createdBy = issuedBy;
            c.expiresAt = now.plus(config.enrolment().codeTtl());
            c.persist();
            List<String> cleared = new ArrayList<>(revokedLookups);
            cleared.add(c.lookup);
            limiter.clearCodes(cleared);
            return new Issued(parts.display(), c.expiresAt);
        }
    }
}
