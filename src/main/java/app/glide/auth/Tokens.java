package app.glide.auth;

import app.glide.access.Caller;
import app.glide.access.UserAccount;
import app.glide.config.GlideConfig;
import app.glide.db.ContentHash;
import app.glide.time.WallClock;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Issues access tokens (RS256 JWT) and refresh tokens (opaque, stored hashed, rotating). */
@ApplicationScoped
public class Tokens {

    /** The access token's session: its refresh-token family (see Revocations). */
    public static final String CLAIM_SESSION = Caller.CLAIM_SESSION;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    GlideConfig config;

    @Inject
    SigningKeys keys;

    @Inject
    @WallClock
    Clock clock;

    /** Starts a new refresh family for the user. Must run inside the caller's transaction. */
    public TokenPair issueNewFamily(UserAccount user, String deviceName) {
        return issue(user, UUID.randomUUID(), deviceName);
    }

    /** Issues the next token of an existing family. */
    public TokenPair issue(UserAccount user, UUID familyId, String deviceName) {
        String refresh = randomToken();
        Instant now = clock.instant();
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.familyId = familyId;
        row.userId = user.id;
        row.tokenHash = sha256(refresh);
        row.deviceName = deviceName;
        row.issuedAt = now;
        row.expiresAt = now.plus(config.jwt().refreshTokenTtl());
        row.persist();
        return new TokenPair(accessToken(user, familyId, now), config.jwt().accessTokenTtl().toSeconds(), refresh,
                config.jwt().refreshTokenTtl().toSeconds());
    }

    public Optional<RefreshToken> findForUpdate(String refreshToken) {
        return RefreshToken.find("tokenHash", (Object) sha256(refreshToken))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    private String accessToken(UserAccount user, UUID familyId, Instant now) {
        return Jwt.issuer(config.jwt().issuer())
                .subject(user.id.toString())
                .groups(Set.of(user.role.name()))
                .claim(Caller.CLAIM_ROLE, user.role.name())
                .claim(Caller.CLAIM_CLINIC, user.clinicId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(config.jwt().accessTokenTtl()))
                .claim("jti", UUID.randomUUID().toString())
                .claim(CLAIM_SESSION, familyId.toString())
                .jws().keyId("glide-access")
                .sign(keys.privateKey());
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String token) {
        return ContentHash.sha256(token);
    }
}
