package app.glide.auth;

import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.audit.AuditLog;
import app.glide.patient.Patient;
import app.glide.patient.PatientStatus;
import app.glide.time.WallClock;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
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
    /** Enrolment verifies the typed secret against this many codes of the lookup, always. */
    static final int CANDIDATES = 2;
    private static final String BAD_CODE = "This enrolment code is not valid. Check it, or ask your therapist for a new one.";

    @Inject
    Passwords passwords;

    @Inject
    Tokens tokens;

    @Inject
    Event<LoggedOut> loggedOut;

    @Inject
    AttemptLimiter limiter;

    @Inject
    AuditLog audit;

    @Inject
    Revocations revocations;

    @Inject
    @WallClock
    Clock clock;

    public record Authenticated(UserAccount user, TokenPair tokens) {
    }

    @Transactional(dontRollbackOn = ApiProblem.class)
    public Authenticated login(String email, String password, String clientAddress) {
        AttemptLimiter.Admission admission = limiter.admitLogin(email, clientAddress);

        // One bcrypt verification at the configured cost whether or not the account exists.
        Optional<UserAccount> found = UserAccount.findByEmail(email);
        boolean ok;
        if (found.isEmpty()) {
            passwords.burnVerification(password);
            ok = false;
        } else {
            ok = passwords.matches(password, found.get().passwordHash) && found.get().active;
        }
        if (!ok) {
            limiter.failed(admission);
            found.ifPresent(u -> audit.recordAs(u.clinicId, u.id, u.role.name(), "user", u.id, "login_failed",
                    Map.of("reason", u.active ? "bad_password" : "deactivated")));
            throw ApiProblem.unauthorized("invalid-credentials", BAD_CREDENTIALS);
        }
        UserAccount user = found.get();
        limiter.succeeded(admission);
        if (passwords.needsRehash(user.passwordHash)) {
            user.passwordHash = passwords.hash(password);
        }
        TokenPair pair = tokens.issueNewFamily(user, null);
        audit.recordAs(user.clinicId, user.id, user.role.name(), "user", user.id, "logged_in", null);
        return new Authenticated(user, pair);
    }

    @Transactional(dontRollbackOn = ApiProblem.class)
    public Authenticated enrol(String typedCode, String deviceName, String clientAddress) {
        Optional<CodeFormat.Parts> parts = CodeFormat.parse(typedCode);
        if (parts.isEmpty()) {
            // Cannot be a code at all (the format is public): no secret to check, only the address counts.
            AttemptLimiter.Admission admission = limiter.admitMalformedCode(clientAddress);
            limiter.failed(admission);
            throw ApiProblem.unauthorized("invalid-enrolment-code", BAD_CODE);
        }
        AttemptLimiter.Admission admission = limiter.admitEnrolment(parts.get().lookup(), clientAddress);

        // Recent codes with this lookup, live first: a match on a used, revoked or expired
        // code gets a specific answer, a miss counts as a failed attempt. Always exactly
        // CANDIDATES verifications, padded with the dummy hash, so the work does not tell
        // whether the lookup belongs to a live code, to old ones, or to none.
        List<EnrolmentCode> candidates = EnrolmentCode
                .find("lookup = ?1 order by (case when usedAt is null and revokedAt is null then 0 else 1 end), createdAt desc",
                        parts.get().lookup())
                .page(0, CANDIDATES).list();
        EnrolmentCode match = null;
        for (int i = 0; i < CANDIDATES; i++) {
            if (i < candidates.size()) {
                if (passwords.matches(parts.get().secret(), candidates.get(i).secretHash) && match == null) {
                    match = candidates.get(i);
                }
            } else {
                passwords.burnVerification(parts.get().secret());
            }
        }
        if (match == null) {
            limiter.failed(admission);
            throw ApiProblem.unauthorized("invalid-enrolment-code", BAD_CODE);
        }
        EnrolmentCode.getEntityManager().lock(match, LockModeType.PESSIMISTIC_WRITE);
        EnrolmentCode.getEntityManager().refresh(match);
        Instant now = clock.instant();
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
        limiter.succeeded(admission);
        match.usedAt = now;
        patient.enrolledAt = now;
        TokenPair pair = tokens.issueNewFamily(patient.account, deviceName);
        audit.recordAs(patient.clinicId, patient.id, Role.PATIENT.name(), "patient", patient.id, "enrolled",
                deviceName == null ? null : Map.of("deviceNamed", true)); // the name stays in refresh_token (erasable)
        return new Authenticated(patient.account, pair);
    }

    /**
     * A signed-in staff member changes their own password. The current password is checked
     * under the same limits as a login (a stolen access token must not become a way to guess
     * it); every refresh token of the user is revoked, so other devices must log in again.
     */
    @Transactional(dontRollbackOn = ApiProblem.class)
    public void changePassword(UUID userId, String currentPassword, String newPassword, String clientAddress) {
        UserAccount user = UserAccount.findById(userId);
        PasswordPolicy.problem(newPassword, user.email).ifPresent(problem -> {
            throw ApiProblem.invalidField("newPassword", problem);
        });
        AttemptLimiter.Admission admission = limiter.admitLogin(user.email, clientAddress);
        if (!passwords.matches(currentPassword, user.passwordHash)) {
            limiter.failed(admission);
            audit.record("user", user.id, "password_change_failed", Map.of("reason", "bad_password"));
            throw new ApiProblem(403, "wrong-current-password", "Current password is incorrect",
                    "The current password is incorrect.");
        }
        if (newPassword.equals(currentPassword)) {
            throw ApiProblem.invalidField("newPassword", "The new password must differ from the current one.");
        }
        limiter.succeeded(admission);
        user.passwordHash = passwords.hash(newPassword);
        Instant now = clock.instant();
        user.updatedAt = now;
        long revoked = RefreshToken.revokeAllOfUser(user.id, "password_changed", now);
        revocations.revokeUser(user.id, "password_changed"); // and its access tokens, within seconds everywhere
        audit.record("user", user.id, "password_changed", Map.of("refreshTokensRevoked", revoked));
    }

    /** Sets a new password with a one-time token an admin issued (see {@link PasswordResets}). Public, like login. */
    @Transactional
    public void resetPassword(String token, String newPassword) {
        Instant now = clock.instant();
        PasswordResetToken reset = PasswordResetToken.<PasswordResetToken>find("tokenHash", (Object) Tokens.sha256(token))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .filter(t -> t.usedAt == null && t.revokedAt == null && t.expiresAt.isAfter(now))
                .orElse(null);
        UserAccount user = reset == null ? null : UserAccount.findById(reset.userId);
        if (user == null || !user.active) {
            throw ApiProblem.unauthorized("invalid-reset-token",
                    "This password reset token is not valid: it is wrong, expired or already used. Ask a clinic admin for a new one.");
        }
        PasswordPolicy.problem(newPassword, user.email).ifPresent(problem -> {
            throw ApiProblem.invalidField("newPassword", problem);
        });
        reset.usedAt = now;
        user.passwordHash = passwords.hash(newPassword);
        user.updatedAt = now;
        long revoked = RefreshToken.revokeAllOfUser(user.id, "password_reset", now);
        revocations.revokeUser(user.id, "password_reset");
        limiter.clearAccount(user.email);
        audit.recordAs(user.clinicId, user.id, user.role.name(), "user", user.id, "password_reset",
                Map.of("resetTokenId", reset.id.toString(), "refreshTokensRevoked", revoked));
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
            long revoked = RefreshToken.revokeFamily(presented.familyId, "reuse_detected", clock.instant());
            revocations.revokeSession(user.id, presented.familyId, "reuse_detected");
            audit.recordAs(user.clinicId, user.id, user.role.name(), "token_family", presented.familyId,
                    "revoked_on_reuse", Map.of("tokensRevoked", revoked));
            throw ApiProblem.unauthorized("refresh-token-reused",
                    "This refresh token was already used. For your safety every session of this login was ended; log in again.");
        }
        Instant now = clock.instant();
        if (!presented.expiresAt.isAfter(now)) {
            throw ApiProblem.unauthorized("refresh-token-expired", "This refresh token has expired; log in again.");
        }
        if (!user.active || (user.role == Role.PATIENT && isDischarged(user.id))) {
            RefreshToken.revokeFamily(presented.familyId, "account_inactive", now);
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
        long revoked = RefreshToken.revokeFamily(presented.familyId, "logout", clock.instant());
        revocations.revokeSession(callerId, presented.familyId, "logout");
        loggedOut.fire(new LoggedOut(callerId, presented.familyId));
        audit.record("token_family", presented.familyId, "logged_out", Map.of("tokensRevoked", revoked));
    }

    private static boolean isDischarged(UUID patientId) {
        Patient p = Patient.findById(patientId);
        return p == null || p.status != PatientStatus.ACTIVE;
    }
}
