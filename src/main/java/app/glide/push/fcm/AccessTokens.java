package app.glide.push.fcm;

import app.glide.push.PushSender.Outcome;
import app.glide.push.PushSender.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * OAuth access tokens for FCM, from the service account by the JWT-bearer grant. The token is
 * cached in memory until {@link #EARLY} before it expires: a per-replica cache, rebuilt by asking
 * the token endpoint again (after a restart, or when FCM answers 401).
 */
final class AccessTokens {

    /** Renew this long before the token's expiry, so no request carries one that expires in flight. */
    static final Duration EARLY = Duration.ofMinutes(5);

    /** The token endpoint refused or could not be reached: what the send should answer instead. */
    static final class Unavailable extends Exception {
        final transient Result result;

        Unavailable(Result result) {
            super(result.detail());
            this.result = result;
        }
    }

    private record Token(String value, Instant renewAt) {
    }

    private final ServiceAccount account;
    private final OAuthTokenApi endpoint;
    private final Clock clock;
    private final ObjectMapper json;
    private Token cached;

    AccessTokens(ServiceAccount account, OAuthTokenApi endpoint, Clock clock, ObjectMapper json) {
        this.account = account;
        this.endpoint = endpoint;
        this.clock = clock;
        this.json = json;
    }

    synchronized String current() throws Unavailable {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.renewAt())) {
            return cached.value();
        }
        String assertion;
        try {
            assertion = account.assertion(now, json);
        } catch (IOException | GeneralSecurityException e) {
            throw new Unavailable(new Result(Outcome.FAILED, "cannot sign the OAuth assertion: " + e, null));
        }
        try (Response response = endpoint.token(OAuthTokenApi.JWT_BEARER, assertion)) {
            String body = response.readEntity(String.class);
            int status = response.getStatus();
            if (status != 200) {
                Result refused = FcmOutcomes.of(status, null, response.getHeaderString("Retry-After"), now);
                Outcome outcome = refused.outcome() == Outcome.RETRY ? Outcome.RETRY : Outcome.FAILED;
                throw new Unavailable(new Result(outcome, "OAuth token endpoint " + status + " " + body,
                        refused.retryAfter()));
            }
            JsonNode token = json.readTree(body);
            String value = token.path("access_token").asText("");
            long expiresIn = token.path("expires_in").asLong(0);
            if (value.isEmpty()) {
                throw new Unavailable(new Result(Outcome.FAILED, "OAuth token endpoint gave no access_token", null));
            }
            cached = new Token(value, now.plusSeconds(expiresIn).minus(EARLY));
            return value;
        } catch (ProcessingException | IOException e) {
            throw new Unavailable(new Result(Outcome.RETRY, "OAuth token endpoint unreachable: " + e, null));
        }
    }

    /** FCM refused the token (401): the next send asks for a new one. */
    synchronized void forget() {
        cached = null;
    }
}
