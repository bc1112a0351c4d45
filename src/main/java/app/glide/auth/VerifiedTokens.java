package app.glide.auth;

import app.glide.web.LruCache;
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
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers access tokens whose signature and claims were verified, until they expire.
 * A phone sends the same token with every request for up to 15 minutes; verifying the
 * RS256 signature and parsing the claims again each time cost about a sixth of the CPU of
 * a plan request. The key is the whole token text, so only the exact token that passed
 * verification is accepted without verifying again, and never after its {@code exp} (then
 * the standard parser decides, with its clock skew). Per instance and rebuildable: a
 * replica that has not seen a token simply verifies it. Revocation is unchanged: access
 * tokens are stateless and short-lived either way (see docs/security.md).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int MAX_ENTRIES = 4096;

    private record Verified(JsonWebToken token, long expiresAtSecond) {
    }

    private final LruCache<String, Verified> verified = new LruCache<>(MAX_ENTRIES);

    @Inject
    DefaultJWTParser parser;

    Clock clock = Clock.systemUTC();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified hit = verified.get(token);
        if (hit != null && now < hit.expiresAtSecond()) {
            return hit.token();
        }
        JsonWebToken jwt = parser.parse(token);
        long exp = jwt.getExpirationTime();
        if (exp > now) {
            verified.put(token, new Verified(jwt, exp));
        }
        return jwt;
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
