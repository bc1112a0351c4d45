package app.glide.auth;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.audit.AuditLog;
import app.glide.config.GlideConfig;
import app.glide.time.WallClock;
import app.glide.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One-time password reset tokens, issued by a clinic admin for a staff member of the same
 * clinic (no email is sent: the admin hands the token over). The token is shown once, only
 * its SHA-256 is stored, it expires after glide.password.reset-token-ttl (1 hour), works
 * once, and a new one revokes any unused earlier one. Using it is public, like login
 * ({@link AuthService#resetPassword}).
 */
@ApplicationScoped
public class PasswordResets {

    @Inject
    Caller caller;

    @Inject
    GlideConfig config;

    @Inject
    AuditLog audit;

    @Inject
    @WallClock
    Clock clock;

    public record Issued(String token, Instant expiresAt) {
    }

    @Transactional
    public Issued issue(UUID userId) {
        UserAccount user = UserAccount.<UserAccount>find("id = ?1 and clinicId = ?2 and role in ?3", userId, caller.clinicId(),
                List.of(Role.ADMIN, Role.THERAPIST)).firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("staff member", userId));
        if (!user.active) {
            throw ApiProblem.conflict("account-inactive", "Account is deactivated",
                    user.displayName + " is deactivated; a deactivated account cannot get a password reset.");
        }
        Instant now = clock.instant();
        PasswordResetToken.update("revokedAt = ?1 where userId = ?2 and usedAt is null and revokedAt is null", now, user.id);
        String token = Tokens.randomToken();
        PasswordResetToken row = new PasswordResetToken();
        row.id = UUID.randomUUID();
        row.userId = user.id;
        row.tokenHash = Tokens.sha256(token);
        row.createdAt = now;
        row.createdBy = caller.userId();
        row.expiresAt = now.plus(config.password().resetTokenTtl());
        row.persist();
        audit.record("user", user.id, "password_reset_issued",
                Map.of("resetTokenId", row.id.toString(), "expiresAt", row.expiresAt.toString()));
        return new Issued(token, row.expiresAt);
    }
}
