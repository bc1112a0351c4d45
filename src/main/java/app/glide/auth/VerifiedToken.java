package app.glide.auth;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified access token whose own claims ({@code role}, {@code clinic_id}, {@code sid}) are
 * read once, when it is verified, and then served from a map. smallrye-jwt's principal looks
 * every claim name up with {@code Claims.valueOf}, which throws an exception, stack trace and
 * all, for each name that is not a standard claim: two of them on every request before the
 * resource method ran, five on a staff read of patient data (a profile of the plan read,
 * docs/benchmarks.md "Access log"). {@link VerifiedTokens} keeps this object for the token's
 * lifetime, so those exceptions are thrown once per token and replica instead.
 *
 * <p>Everything else is the verified principal's own answer. Immutable.
 */
final class VerifiedToken implements JsonWebToken {

    private static final Set<String> STANDARD = Arrays.stream(Claims.values()).map(Claims::name)
            .collect(Collectors.toUnmodifiableSet());

    private final JsonWebToken verified;
    private final Map<String, Object> own;

    VerifiedToken(JsonWebToken verified) {
        this.verified = verified;
        Map<String, Object> claims = new HashMap<>();
        for (String name : verified.getClaimNames()) {
            if (!STANDARD.contains(name)) {
                Object value = verified.getClaim(name);
                if (value != null) {
                    claims.put(name, value);
                }
            }
        }
        this.own = Map.copyOf(claims);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return STANDARD.contains(claimName) ? verified.getClaim(claimName) : (T) own.get(claimName);
    }

    @Override
    public Set<String> getClaimNames() {
        return verified.getClaimNames();
    }

    @Override
    public String getName() {
        return verified.getName();
    }

    @Override
    public String getRawToken() {
        return verified.getRawToken();
    }

    @Override
    public String getIssuer() {
        return verified.getIssuer();
    }

    @Override
    public Set<String> getAudience() {
        return verified.getAudience();
    }

    @Override
    public String getSubject() {
        return verified.getSubject();
    }

    @Override
    public String getTokenID() {
        return verified.getTokenID();
    }

    @Override
    public long getExpirationTime() {
        return verified.getExpirationTime();
    }

    @Override
    public long getIssuedAtTime() {
        return verified.getIssuedAtTime();
    }

    @Override
    public Set<String> getGroups() {
        return verified.getGroups();
    }

    @Override
    public String toString() {
        return verified.toString();
    }
}
