package app.glide.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The verified-token memory: plain Java, the standard parser replaced by a counting stub. */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000L;

    /** Accepts tokens named in {@code expiries} (token text -> exp), rejects all others; counts calls. */
    static final class StubParser extends DefaultJWTParser {
        final Map<String, Long> expiries = new HashMap<>();
        int calls;

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls++;
            Long exp = expiries.get(token);
            if (exp == null) {
                throw new ParseException("bad signature");
            }
            return jwt(token, exp);
        }
    }

    private final StubParser stub = new StubParser();
    private final VerifiedTokens tokens = new VerifiedTokens();

    VerifiedTokensTest() {
        tokens.parser = stub;
        tokens.revocations = new Revocations() {
            @Override
            public void check(UUID userId, UUID sessionId) {
                // nothing revoked (RevocationCheckTest covers revocation)
            }
        };
        at(NOW);
    }

    private void at(long epochSecond) {
        tokens.clock = Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainUntilItExpires() throws ParseException {
        stub.expiries.put("a.b.c", NOW + 900);
        JsonWebToken first = tokens.parse("a.b.c");
        assertSame(first, tokens.parse("a.b.c"));
        at(NOW + 899);
        assertSame(first, tokens.parse("a.b.c"));
        assertEquals(1, stub.calls);
        // At exp the standard parser decides again (it applies the configured clock skew).
        at(NOW + 900);
        tokens.parse("a.b.c");
        assertEquals(2, stub.calls);
    }

    @Test
    void onlyTheExactTokenTextIsRemembered() throws ParseException {
        stub.expiries.put("a.b.c", NOW + 900);
        tokens.parse("a.b.c");
        assertThrows(ParseException.class, () -> tokens.parse("a.b.c2"));
        assertThrows(ParseException.class, () -> tokens.parse("a.b.c2"));
        assertEquals(3, stub.calls, "a rejected token is verified (and rejected) every time");
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() throws ParseException {
        stub.expiries.put("old", NOW - 10); // within the parser's clock skew, so it passed
        tokens.parse("old");
        tokens.parse("old");
        assertEquals(2, stub.calls);
    }

    @Test
    void theMemoryIsBounded() throws ParseException {
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
            stub.expiries.put("t" + i, NOW + 900);
            tokens.parse("t" + i);
        }
        tokens.parse("t0"); // the eldest was dropped: verified again
        assertEquals(VerifiedTokens.MAX_ENTRIES + 2, stub.calls);
    }

    @Test
    void anExpiredTokenLeavesTheMemory() throws ParseException {
        stub.expiries.put("short", NOW + 60);
        stub.expiries.put("long", NOW + 900);
        tokens.parse("short");
        tokens.parse("long");
        assertEquals(2, tokens.cachedEntries());
        at(NOW + 60);
        assertEquals(1, tokens.cachedEntries(), "a token past its exp is not kept until the bound pushes it out");
        at(NOW + 900);
        assertEquals(0, tokens.cachedEntries());
    }

    @Test
    void theMemoryNeverHoldsMoreThanItsBound() throws ParseException {
        for (int i = 0; i < 3 * VerifiedTokens.MAX_ENTRIES; i++) {
            stub.expiries.put("t" + i, NOW + 900);
            tokens.parse("t" + i);
        }
        assertEquals(VerifiedTokens.MAX_ENTRIES, tokens.cachedEntries());
    }

    @Test
    void theTokensOwnClaimsAreReadOnceWhenItIsVerifiedNotOnEveryRequest() throws ParseException {
        Map<String, Integer> reads = new HashMap<>();
        JsonWebToken principal = new JsonWebToken() {
            @Override
            public String getName() {
                return "user";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp", "sub", "role", "clinic_id");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                reads.merge(claimName, 1, Integer::sum);
                return switch (claimName) {
                    case "exp" -> (T) Long.valueOf(NOW + 900);
                    case "sub" -> (T) "7d1797ea-a79d-481c-a63a-d95f0903871c";
                    case "role" -> (T) "THERAPIST";
                    case "clinic_id" -> (T) "0b3c2c57-3c57-4c1f-9f0a-5d3ba4c3bb3e";
                    default -> null;
                };
            }
        };
        tokens.parser = new DefaultJWTParser() {
            @Override
            public JsonWebToken parse(String token) {
                return principal;
            }
        };
        for (int request = 0; request < 10; request++) {
            JsonWebToken jwt = tokens.parse("a.b.c");
            assertEquals("THERAPIST", jwt.getClaim("role"));
            assertEquals("0b3c2c57-3c57-4c1f-9f0a-5d3ba4c3bb3e", jwt.getClaim("clinic_id"));
            assertNull(jwt.getClaim("not_in_the_token"));
            assertEquals("7d1797ea-a79d-481c-a63a-d95f0903871c", jwt.getSubject());
        }
        // smallrye-jwt's principal throws (and fills in a stack trace) on each read of a claim of ours.
        assertEquals(1, reads.get("role"));
        assertEquals(1, reads.get("clinic_id"));
        assertNull(reads.get("not_in_the_token"), "a claim the token does not have is not looked up");
    }

    private static JsonWebToken jwt(String raw, long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "user";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp", "raw_token");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return switch (claimName) {
                    case "exp" -> (T) Long.valueOf(exp);
                    case "raw_token" -> (T) raw;
                    case "sub" -> (T) "7d1797ea-a79d-481c-a63a-d95f0903871c";
                    default -> null;
                };
            }
        };
    }
}
