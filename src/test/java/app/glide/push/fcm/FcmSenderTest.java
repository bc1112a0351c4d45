package app.glide.push.fcm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.push.PushSender.Outcome;
import app.glide.push.PushSender.PushMessage;
import app.glide.push.PushSender.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender with the real Quarkus REST client against WireMock standing in for both Google's
 * OAuth token endpoint and FCM HTTP v1, with a service account key made for the test. A
 * {@code @QuarkusTest} only because the Quarkus REST client is built inside a running application;
 * the sender itself is constructed here with its settings.
 */
@QuarkusTest
class FcmSenderTest {

    private static final String PROJECT = "glide-test";
    private static final String SEND = "/v1/projects/" + PROJECT + "/messages:send";
    private static final String TOKEN_PATH = "/token";
    private static final String DEVICE = "fcm-device-token-1";
    private static final String EMAIL = "glide-push@glide-test.iam.gserviceaccount.com";
    private static final PushMessage MESSAGE = new PushMessage("MESSAGE", "Glide", "You have a new message",
            Map.of("kind", "MESSAGE", "messageId", "3f1c2a9e-0000-4000-8000-000000000001"), false);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer google;
    private static KeyPair key;

    private MovableClock clock;
    private FcmSender sender;

    @BeforeAll
    static void start() throws Exception {
        google = new WireMockServer(options().dynamicPort());
        google.start();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        key = rsa.generateKeyPair();
    }

    @AfterAll
    static void stop() {
        google.stop();
    }

    @BeforeEach
    void setUp() {
        google.resetAll();
        google.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"ya29.first\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
        sender = new FcmSender(Optional.of(settings()), clock);
    }

    @Test
    void sentWithABearerTokenAndOnlyTokenNotificationAndData() throws Exception {
        stubSend(200, "{\"name\":\"projects/glide-test/messages/0:1\"}");

        Result result = sender.send(DEVICE, MESSAGE);

        assertEquals(Outcome.SENT, result.outcome(), String.valueOf(result.detail()));
        List<LoggedRequest> sends = google.findAll(postRequestedFor(urlEqualTo(SEND)));
        assertEquals(1, sends.size());
        assertEquals("Bearer ya29.first", sends.get(0).getHeader("Authorization"));
        JsonNode body = JSON.readTree(sends.get(0).getBodyAsString());
        assertEquals(JSON.readTree("""
                {"message": {
                  "token": "fcm-device-token-1",
                  "notification": {"title": "Glide", "body": "You have a new message"},
                  "data": {"kind": "MESSAGE", "messageId": "3f1c2a9e-0000-4000-8000-000000000001"}}}
                """), body, "exactly these fields, nothing else");
    }

    @Test
    void urgentMessagesAskForHighAndroidPriority() {
        stubSend(200, "{}");

        sender.send(DEVICE, new PushMessage("CARE_INSTRUCTION", "Glide", "You have a new message",
                Map.of("kind", "CARE_INSTRUCTION"), true));

        google.verify(postRequestedFor(urlEqualTo(SEND))
                .withRequestBody(equalToJson("{\"message\":{\"token\":\"" + DEVICE + "\","
                        + "\"notification\":{\"title\":\"Glide\",\"body\":\"You have a new message\"},"
                        + "\"data\":{\"kind\":\"CARE_INSTRUCTION\"},\"android\":{\"priority\":\"HIGH\"}}}")));
    }

    @Test
    void theAccessTokenIsFetchedOnceWithASignedJwtAndCachedUntilShortlyBeforeExpiry() throws Exception {
        stubSend(200, "{}");

        sender.send(DEVICE, MESSAGE);
        clock.shift(Duration.ofMinutes(50));
        sender.send(DEVICE, MESSAGE);

        List<LoggedRequest> grants = google.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertEquals(1, grants.size(), "cached for the second send");
        google.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
        String assertion = grants.get(0).formParameters().get("assertion").firstValue();
        assertSignedJwt(assertion, Instant.parse("2026-11-28T10:00:00Z"));

        clock.shift(Duration.ofMinutes(6)); // 56 minutes: inside the last five minutes of the token
        sender.send(DEVICE, MESSAGE);
        assertEquals(2, google.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size(), "renewed before expiry");
    }

    @Test
    void unregisteredIsADeadToken() {
        stubSend(404, """
                {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}}
                """);

        Result result = sender.send(DEVICE, MESSAGE);

        assertEquals(Outcome.DEAD_TOKEN, result.outcome());
        assertEquals("FCM 404 UNREGISTERED", result.detail());
    }

    @Test
    void anInvalidTokenFieldIsADeadTokenButOtherInvalidArgumentsFail() {
        stubSend(400, """
                {"error": {"code": 400, "status": "INVALID_ARGUMENT", "details": [
                  {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "INVALID_ARGUMENT"},
                  {"@type": "type.googleapis.com/google.rpc.BadRequest",
                   "fieldViolations": [{"field": "message.token", "description": "Invalid registration token"}]}]}}
                """);
        assertEquals(Outcome.DEAD_TOKEN, sender.send(DEVICE, MESSAGE).outcome());

        stubSend(400, """
                {"error": {"code": 400, "status": "INVALID_ARGUMENT", "details": [
                  {"@type": "type.googleapis.com/google.rpc.BadRequest",
                   "fieldViolations": [{"field": "message.data", "description": "Invalid value"}]}]}}
                """);
        assertEquals(Outcome.FAILED, sender.send(DEVICE, MESSAGE).outcome());
    }

    @Test
    void unavailableIsRetriedAfterWhatFcmSaid() {
        google.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")
                .withBody("{\"error\": {\"code\": 503, \"status\": \"UNAVAILABLE\"}}")));

        Result result = sender.send(DEVICE, MESSAGE);

        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals(Duration.ofSeconds(120), result.retryAfter());
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        google.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Sat, 28 Nov 2026 10:01:00 GMT")
                .withBody("{\"error\": {\"code\": 429, \"status\": \"RESOURCE_EXHAUSTED\","
                        + " \"details\": [{\"errorCode\": \"QUOTA_EXCEEDED\"}]}}")));
        Result throttled = sender.send(DEVICE, MESSAGE);
        assertEquals(Outcome.RETRY, throttled.outcome());
        assertEquals(Duration.ofMinutes(1), throttled.retryAfter(), "HTTP date read against the clock");

        stubSend(500, "{\"error\": {\"code\": 500, \"status\": \"INTERNAL\"}}");
        Result broken = sender.send(DEVICE, MESSAGE);
        assertEquals(Outcome.RETRY, broken.outcome());
        assertNull(broken.retryAfter());
    }

    @Test
    void unauthorisedFailsAndTheNextSendAsksForANewAccessToken() {
        stubSend(401, "{\"error\": {\"code\": 401, \"status\": \"UNAUTHENTICATED\"}}");

        Result result = sender.send(DEVICE, MESSAGE);
        sender.send(DEVICE, MESSAGE);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("FCM 401 UNAUTHENTICATED", result.detail());
        assertEquals(2, google.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size());
    }

    @Test
    void aRefusedGrantFailsAndAnUnreachableEndpointIsRetried() {
        google.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}")));
        Result refused = sender.send(DEVICE, MESSAGE);
        assertEquals(Outcome.FAILED, refused.outcome());
        assertTrue(refused.detail().contains("invalid_grant"), refused.detail());
        assertEquals(0, google.findAll(postRequestedFor(urlEqualTo(SEND))).size());

        FcmSender nowhere = new FcmSender(Optional.of(new FcmSettings(PROJECT, Optional.empty(),
                Optional.of(serviceAccountJson()), URI.create("http://localhost:1"),
                Optional.of(URI.create("http://localhost:1/token")), Duration.ofSeconds(2))), clock);
        assertEquals(Outcome.RETRY, nowhere.send(DEVICE, MESSAGE).outcome());
    }

    @Test
    void anUnreachableFcmIsRetried() {
        FcmSender nowhere = new FcmSender(Optional.of(new FcmSettings(PROJECT, Optional.empty(),
                Optional.of(serviceAccountJson()), URI.create("http://localhost:1"),
                Optional.of(URI.create(google.baseUrl() + TOKEN_PATH)), Duration.ofSeconds(2))), clock);

        Result result = nowhere.send(DEVICE, MESSAGE);

        assertEquals(Outcome.RETRY, result.outcome(), String.valueOf(result.detail()));
    }

    @Test
    void withoutSettingsItIsNotConfigured() {
        FcmSender unconfigured = new FcmSender(Optional.empty(), clock);

        assertFalse(unconfigured.configured());
        assertEquals(Outcome.FAILED, unconfigured.send(DEVICE, MESSAGE).outcome());
    }

    private void stubSend(int status, String body) {
        google.stubFor(post(urlEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer ya29.first"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private static void assertSignedJwt(String jwt, Instant issuedAt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        Base64.Decoder url = Base64.getUrlDecoder();
        assertEquals(JSON.readTree("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"), JSON.readTree(url.decode(parts[0])));
        JsonNode claims = JSON.readTree(url.decode(parts[1]));
        assertEquals(EMAIL, claims.get("iss").asText());
        assertEquals("https://www.googleapis.com/auth/firebase.messaging", claims.get("scope").asText());
        assertEquals(google.baseUrl() + TOKEN_PATH, claims.get("aud").asText());
        assertEquals(issuedAt.getEpochSecond(), claims.get("iat").asLong());
        assertEquals(issuedAt.getEpochSecond() + 3600, claims.get("exp").asLong());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(url.decode(parts[2])), "signed with the service account's key");
    }

    private static FcmSettings settings() {
        return new FcmSettings(PROJECT, Optional.empty(), Optional.of(serviceAccountJson()),
                URI.create(google.baseUrl()), Optional.empty(), Duration.ofSeconds(5));
    }

    /** The shape of the key file the Firebase console downloads; token_uri points at WireMock. */
    private static String serviceAccountJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return JSON.createObjectNode()
                .put("type", "service_account")
                .put("project_id", PROJECT)
                .put("private_key_id", "0123456789abcdef")
                .put("private_key", pem)
                .put("client_email", EMAIL)
                .put("token_uri", google.baseUrl() + TOKEN_PATH)
                .toString();
    }

    /** The wall clock the sender reads, moved by the test. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void shift(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
