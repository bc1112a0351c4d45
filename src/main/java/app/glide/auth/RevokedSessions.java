package app.glide.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revoked sessions one replica knows of: plain data, rebuilt from {@code token_revocation}
 * by {@link Revocations}. A session is a refresh-token family; every access token names its
 * session in the {@code sid} claim, so ending a session ends its access tokens at once,
 * whoever issued them, and a new login (a new family) is never caught by an old revocation.
 * An access token without {@code sid} was issued before sessions were named: it is refused
 * once any revocation of its user (deactivation, discharge) is known.
 *
 * <p>An entry is needed only while an access token issued before the revocation can still
 * be unexpired: after {@code keep} (token lifetime + clock skew + margin) it is forgotten.
 * No token can be issued in a revoked family: refresh refuses a revoked token under its row
 * lock, and logins always start a new family.
 */
final class RevokedSessions {

    /** One revocation: a session of the user, or (familyId null) the user's tokens that name no session. */
    record Row(UUID userId, UUID familyId, Instant revokedAt) {
    }

    private final Map<UUID, Instant> families = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> usersWithoutSession = new ConcurrentHashMap<>();
    private final Duration keep;

    RevokedSessions(Duration keep) {
        this.keep = keep;
    }

    Duration keep() {
        return keep;
    }

    void add(Row row) {
        if (row.familyId() != null) {
            families.merge(row.familyId(), row.revokedAt(), RevokedSessions::later);
        } else {
            usersWithoutSession.merge(row.userId(), row.revokedAt(), RevokedSessions::later);
        }
    }

    /** Whether a token of this user naming this session (or none: null) is revoked. */
    boolean isRevoked(UUID userId, UUID sessionId) {
        return sessionId != null ? families.containsKey(sessionId) : usersWithoutSession.containsKey(userId);
    }

    /** Drops what no unexpired token can need any more. */
    void forgetOlderThan(Instant now) {
        Instant cutoff = now.minus(keep);
        families.values().removeIf(t -> t.isBefore(cutoff));
        usersWithoutSession.values().removeIf(t -> t.isBefore(cutoff));
    }

    int size() {
        return families.size() + usersWithoutSession.size();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
