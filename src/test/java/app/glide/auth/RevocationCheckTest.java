package app.glide.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.web.ApiProblem;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The revocation check on the request path, in plain Java: after the verified-token memory,
 * and from memory only (these replicas have no database at all).
 */
class RevocationCheckTest {

    private static final long NOW = 1_800_000_000L;
    private static final UUID USER = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final UUID OTHER_SESSION = UUID.randomUUID();

    /** Accepts every token once per call, with the claims given; counts calls. */
    static final class StubParser extends DefaultJWTParser {
        final Map<String, Map<String, Object>> claims;
        int calls;

        StubParser(Map<String, Map<String, Object>> claims) {
            this.claims = claims;
        }

        @Override
        public JsonWebToken parse(String token) {
            calls++;
            Map<String, Object> c = claims.get(token);
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return "user";
                }

                @Override
                public Set<String> getClaimNames() {
                    return c.keySet();
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String name) {
                    return (T) c.get(name);
                }
            };
        }
    }

    private final StubParser stub = new StubParser(Map.of(
            "with-session", Map.of("sub", USER.toString(), "sid", SESSION.toString(), "exp", NOW + 900),
            "other-session", Map.of("sub", USER.toString(), "sid", OTHER_SESSION.toString(), "exp", NOW + 900),
            "no-session", Map.of("sub", USER.toString(), "exp", NOW + 900)));

    private VerifiedTokens tokens(Revocations revocations) {
        VerifiedTokens t = new VerifiedTokens();
        t.parser = stub;
        t.revocations = revocations;
        t.clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        return t;
    }

    private static ApiProblem refusal(VerifiedTokens tokens, String token) {
        ParseException e = assertThrows(ParseException.class, () -> tokens.parse(token));
        return assertInstanceOf(ApiProblem.class, e.getCause());
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsSessionIsRevoked() throws ParseException {
        Revocations r = Revocations.knowing(Duration.ofSeconds(20));
        VerifiedTokens tokens = tokens(r);
        JsonWebToken first = tokens.parse("with-session");
        assertSame(first, tokens.parse("with-session"));

        r.revokedForTest().add(new RevokedSessions.Row(USER, SESSION, Instant.now()));
        ApiProblem p = refusal(tokens, "with-session");
        assertEquals(401, p.status());
        assertTrue(p.type().toString().endsWith("/token-revoked"));
        assertEquals(1, stub.calls, "refused from memory, not verified again");
        // The same user's other session, and a new login, are not affected.
        tokens.parse("other-session");
        tokens.parse("no-session");
    }

    @Test
    void aTokenWithoutSessionIsRefusedOnceAnyRevocationOfItsUserIsKnown() throws ParseException {
        Revocations r = Revocations.knowing(Duration.ofSeconds(20), new RevokedSessions.Row(USER, SESSION, Instant.now()));
        VerifiedTokens tokens = tokens(r);
        tokens.parse("no-session"); // a logout of one session says nothing about tokens that name none
        r.revokedForTest().add(new RevokedSessions.Row(USER, null, Instant.now()));
        assertEquals(401, refusal(tokens, "no-session").status());
        tokens.parse("other-session");
    }

    @Test
    void aReplicaThatCouldNotReadRevocationsForTooLongFailsClosed() throws ParseException {
        Revocations r = Revocations.knowing(Duration.ofSeconds(20));
        VerifiedTokens tokens = tokens(r);
        r.pretendLastPollWasAgo(Duration.ofSeconds(19));
        tokens.parse("with-session");
        r.pretendLastPollWasAgo(Duration.ofSeconds(21));
        ApiProblem p = refusal(tokens, "with-session");
        assertEquals(503, p.status());
        assertTrue(p.type().toString().endsWith("/database-unavailable"));
        assertTrue(p.headers().containsKey("Retry-After"));
    }

    @Test
    void revocationsAreForgottenOnlyWhenNoTokenTheyCoverCanBeUnexpired() {
        RevokedSessions s = new RevokedSessions(Duration.ofMinutes(16));
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        s.add(new RevokedSessions.Row(USER, SESSION, t));
        s.add(new RevokedSessions.Row(USER, null, t));
        s.forgetOlderThan(t.plus(Duration.ofMinutes(16)));
        assertTrue(s.isRevoked(USER, SESSION));
        assertTrue(s.isRevoked(USER, null));
        s.forgetOlderThan(t.plus(Duration.ofMinutes(16)).plusMillis(1));
        assertFalse(s.isRevoked(USER, SESSION));
        assertFalse(s.isRevoked(USER, null));
        assertEquals(0, s.size());
    }
}
