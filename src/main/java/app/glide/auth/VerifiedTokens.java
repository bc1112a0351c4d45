package app.glide.auth;

import app.glide.time.WallClock;
import app.glide.web.ApiProblem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers access tokens whose signature and claims were verified, until they expire.
 * A phone sends the same token with every request for up to 15 minutes; verifying the
 * RS256 signature and parsing the claims again each time cost about a sixth of the CPU of
 * a plan request. The key is the whole token text, so only the exact token that passed
 * verification is accepted without verifying again, and never after its {@code exp} (then
 * the standard parser decides, with its clock skew). Per instance and rebuildable: a
 * replica that has not seen a token simply verifies it.
 *
 * <p>A Caffeine cache: lookups take no lock, at most {@link #MAX_ENTRIES} tokens are kept,
 * and each leaves at its own {@code exp} (the cache's time is {@link #clock}).
 *
 * <p>Every token, remembered or just verified, is then checked against the revoked sessions
 * ({@link Revocations}, memory only): a token of a logged-out, deactivated or discharged
 * session is refused on every request from the moment this replica knows of it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int MAX_ENTRIES = 4096;

    private record Verified(JsonWebToken token, long expiresAtSecond, UUID userId, UUID sessionId) {
    }

    /** Each entry lives until its token's {@code exp}; time is the {@link #clock}, in epoch nanoseconds. */
    private static final Expiry<String, Verified> UNTIL_EXP = new Expiry<>() {
        @Override
        public long expireAfterCreate(String token, Verified v, long now) {
            return TimeUnit.SECONDS.toNanos(v.expiresAtSecond()) - now;
        }

        @Override
        public long expireAfterUpdate(String token, Verified v, long now, long remaining) {
            return expireAfterCreate(token, v, now);
        }

        @Override
        public long expireAfterRead(String token, Verified v, long now, long remaining) {
            return remaining;
        }
    };

    @Inject
    @WallClock
    Clock clock;

    // Maintenance (eviction, expiry) runs on the calling thread, under a lock other callers skip.
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfter(UNTIL_EXP)
            .ticker(this::epochNanos)
            .executor(Runnable::run)
            .build();

    @Inject
    DefaultJWTParser parser;

    @Inject
    Revocations revocations;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified hit = verified.getIfPresent(token);
        if (hit == null || now >= hit.expiresAtSecond()) {
            JsonWebToken jwt = new VerifiedToken(parser.parse(token)); // its own claims read once, here
            hit = new Verified(jwt, jwt.getExpirationTime(), uuid(jwt.getSubject()), uuid(jwt.getClaim(Tokens.CLAIM_SESSION)));
            if (hit.userId() == null) {
                throw new ParseException("The token names no user");
            }
            if (hit.expiresAtSecond() > now) {
                verified.put(token, hit);
            }
        }
        try {
            revocations.check(hit.userId(), hit.sessionId());
        } catch (ApiProblem refused) {
            // Reaches web/ProblemMappers as the cause of the authentication failure.
            throw new ParseException(refused.getMessage(), refused);
        }
        return hit.token();
    }

    private long epochNanos() {
        Instant now = clock.instant();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    /** Tokens remembered now (after expired ones are dropped). */
    long cachedEntries() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static UUID uuid(Object claim) throws ParseException {
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim.toString());
        } catch (IllegalArgumentException e) {
            throw new ParseException("The token carries a malformed id", e);
        }
    }

    // Everything else as the standard parser does it (not used by the request path).

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
