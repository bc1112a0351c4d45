package app.glide.auth;

import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.audit.AuditLog;
import app.glide.patient.Patient;
import app.glide.patient.PatientStatus;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Login, enrolment, refresh and logout. Failures that must be remembered (attempt
 * counters, a revoked family after token reuse) commit even though the request fails,
 * hence {@code dontRollbackOn = ApiProblem.class}; no method writes anything else before
 * it throws.
 */
@ApplicationScoped
public class AuthService {

    private static final String BAD_CREDENTIALS = "Email or password is incorrect.";
    private static final String BAD_CODE = "This enrolment code is not valid. Check it, or ask your therapist for a new one.";

    @Inject
    Passwords passwords;

    @Inject
    Tokens tokens;

    @Inject
    AttemptLimiter limiter;

    @Inject
    AuditLog audit;

    @Inject
    Revocations revocations;

    public record Authenticated(UserAccount user, TokenPair tokens) {
    }

    @Transactional(dontRollbackOn = ApiProblem.class)
    public Authenticated login(String email, String password, String clientAddress) {
        AttemptLimiter.Bucket account = limiter.loginAccount(email);
        AttemptLimiter.Bucket address = limiter.loginAddress(clientAddress);
        limiter.check("login", account, address);

        Optional<UserAccount> found = UserAccount.findByEmail(email);
        boolean ok;
        if (found.isEmpty()) {
            passwords.burnVerification(password);
            ok = false;
        } else {
            ok = passwords.matches(password, found.get().passwordHash) && found.get().active;
        }
        if (!ok) {
            limiter.recordFailure(account, address);
            found.ifPresent(u -> audit.recordAs(u.clinicId, u.id, u.role.name(), "user", u.id, "login_failed",
                    Map.of("reason", u.active ? "bad_password" : "deactivated")));
            throw ApiProblem.unauthorized("invalid-credentials", BAD_CREDENTIALS);
        }
        UserAccount user = found.get();
        TokenPair pair = tokens.issueNewFamily(user, null);
        audit.recordAs(user.clinicId, user.id, user.role.name(), "user", user.id, "logged_in", null);
        return new Authenticated(user, pair);
    }

    @Transactional(dontRollbackOn = ApiProblem.class)
    public Authenticated enrol(String typedCode, String deviceName, String clientAddress) {
        AttemptLimiter.Bucket address = limiter.enrolAddress(clientAddress);
        Optional<CodeFormat.Parts> parts = CodeFormat.parse(typedCode);
        if (parts.isEmpty()) {
            limiter.check("enrolment", address);
            limiter.recordFailure(address);
            throw ApiProblem.unauthorized("invalid-enrolment-code", BAD_CODE);
        }
        AttemptLimiter.Bucket code = limiter.enrolCode(parts.get().lookup());
        limiter.check("enrolment", code, address);

        // Recent codes with this lookup, live first: a match on a used, revoked or expired
        // code gets a specific answer, a miss counts as a failed attempt.
        List<EnrolmentCode> candidates = EnrolmentCode
                .find("lookup = ?1 order by (case when usedAt is null and revokedAt is null then 0 else 1 end), createdAt desc",
                        parts.get().lookup())
                .page(0, 3).list();
        EnrolmentCode match = candidates.stream()
                .filter(c -> passwords.matches(parts.get().secret(), c.secretHash))
                .findFirst().orElse(null);
        if (match == null) {
            limiter.recordFailure(code, address);
            throw ApiProblem.unauthorized("invalid-enrolment-code", BAD_CODE);
        }
        EnrolmentCode.getEntityManager().lock(match, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        EnrolmentCode.getEntityManager().refresh(match);
        Instant now = Instant.now();
        if (match.usedAt != null) {
            throw ApiProblem.unauthorized("enrolment-code-used",
                    "This enrolment code has already been used. Ask your therapist for a new one.");
        }
        if (match.revokedAt != null) {
            throw ApiProblem.unauthorized("enrolment-code-revoked",
                    "This enrolment code was replaced by a newer one. Use the newest code from your therapist.");
        }
        if (!match.expiresAt.isAfter(now)) {
            throw ApiProblem.unauthorized("enrolment-code-expired",
                    "This enrolment code has expired. Ask your therapist for a new one.");
        }
        Patient patient = Patient.findById(match.patientId);
        if (patient.status != PatientStatus.ACTIVE || !patient.account.active) {
            throw ApiProblem.unauthorized("patient-discharged",
                    "This patient has been discharged; the app can no longer be enrolled.");
        }
        match.usedAt = now;
        patient.enrolledAt = now;
        TokenPair pair = tokens.issueNewFamily(patient.account, deviceName);
        audit.recordAs(patient.clinicId, patient.id, Role.PATIENT.name(), "patient", patient.id, "enrolled",
                deviceName == null ? null : Map.of("deviceName", deviceName));
        return new Authenticated(patient.account, pair);
    }

    @Transactional(dontRollbackOn = ApiProblem.class)
    public Authenticated refresh(String refreshToken) {
        RefreshToken presented = tokens.findForUpdate(refreshToken)
                .orElseThrow(() -> ApiProblem.unauthorized("invalid-refresh-token",
                        "This refresh token is not valid; log in again."));
        UserAccount user = UserAccount.findById(presented.userId);
        if (presented.revokedAt != null) {
            throw ApiProblem.unauthorized("refresh-token-revoked", "This refresh token has been revoked; log in again.");
        }
        if (presented.rotatedAt != null) {
            long revoked = RefreshToken.revokeFamily(presented.familyId, "reuse_detected");
            revocations.revokeSession(user.id, presented.familyId, "reuse_detected");
            audit.recordAs(user.clinicId, user.id, user.role.name(), "token_family", presented.familyId,
                    "revoked_on_reuse", Map.of("tokensRevoked", revoked));
            throw ApiProblem.unauthorized("refresh-token-reused",
                    "This refresh token was already used. For your safety every session of this login was ended; log in again.");
        }
        Instant now = Instant.now();
        if (!presented.expiresAt.isAfter(now)) {
            throw ApiProblem.unauthorized("refresh-token-expired", "This refresh token has expired; log in again.");
        }
        if (!user.active || (user.role == Role.PATIENT && isDischarged(user.id))) {
            RefreshToken.revokeFamily(presented.familyId, "account_inactive");
            throw ApiProblem.unauthorized("account-inactive", "This account is no longer active.");
        }
        presented.rotatedAt = now;
        TokenPair pair = tokens.issue(user, presented.familyId, presented.deviceName);
        return new Authenticated(user, pair);
    }

    @Transactional
    public void logout(String refreshToken, UUID callerId) {
        RefreshToken presented = tokens.findForUpdate(refreshToken)
                .filter(t -> t.userId.equals(callerId))
                .orElseThrow(() -> ApiProblem.unauthorized("invalid-refresh-token",
                        "This refresh token is not valid for the signed-in user."));
        long revoked = RefreshToken.revokeFamily(presented.familyId, "logout");
        revocations.revokeSession(callerId, presented.familyId, "logout");
        audit.record("token_family", presented.familyId, "logged_out", Map.of("tokensRevoked", revoked));
    }

    private static boolean isDischarged(UUID patientId) {
        Patient p = Patient.findById(patientId);
        return p == null || p.status != PatientStatus.ACTIVE;
    }
}
