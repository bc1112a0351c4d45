package app.glide.push.apns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.push.PushSender.Outcome;
import app.glide.push.PushSender.PushMessage;
import app.glide.push.PushSender.Result;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http2.Http2Headers;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Pushy client against Pushy's own MockApnsServer (HTTP/2 over TLS with a test CA
 * under src/test/resources/push/apns), with a handler each test tells how to answer.
 */
class ApnsSenderTest {

    private static final String TOKEN = "a".repeat(64);
    private static final String TOPIC = "app.glide.patient";
    private static final PushMessage MESSAGE = new PushMessage("MESSAGE", "Glide", "You have a new message",
            Map.of("kind", "MESSAGE", "messageId", "3f1c2a9e-0000-4000-8000-000000000001"), false);

    /** What the next notification meets on the server. */
    interface Answer {
        void apply() throws RejectedNotificationException;
    }

    record Seen(Http2Headers headers, String payload) {
    }

    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static volatile Answer answer = () -> { };
    private static MockApnsServer server;
    private static ApnsSender sender;

    @BeforeAll
    static void start() throws Exception {
        server = new MockApnsServerBuilder()
                .setServerCredentials(resource("server-certs.pem").toFile(), resource("server-key.pem").toFile(), null)
                .setHandlerFactory(ssl -> (PushNotificationHandler) (headers, payload) -> {
                    SEEN.add(new Seen(headers, payload == null ? "" : payload.toString(StandardCharsets.UTF_8)));
                    answer.apply();
                })
                .build();
        int port = server.start(0).get();
        sender = new ApnsSender(Optional.of(new ApnsSettings("TEAM123456", "KEY1234567",
                resource("token-auth-private-key.p8"), TOPIC, "localhost", port,
                Optional.of(resource("ca.pem")), Duration.ofSeconds(5))));
    }

    @AfterAll
    static void stop() throws Exception {
        sender.close();
        server.shutdown().get();
    }

    @BeforeEach
    void reset() {
        SEEN.clear();
        answer = () -> { };
    }

    @Test
    void acceptedIsSentAndThePayloadHoldsTheFixedTextsAndIdsOnly() throws Exception {
        Result result = sender.send(TOKEN, MESSAGE);

        assertEquals(Outcome.SENT, result.outcome(), String.valueOf(result.detail()));
        assertEquals(1, SEEN.size());
        Seen seen = SEEN.get(0);
        assertTrue(seen.headers().path().toString().endsWith("/3/device/" + TOKEN), seen.headers().path().toString());
        assertEquals(TOPIC, seen.headers().get("apns-topic").toString());
        assertEquals("5", seen.headers().get("apns-priority").toString(), "not urgent: conserve power");
        assertEquals("alert", seen.headers().get("apns-push-type").toString());
        assertTrue(seen.headers().get("authorization").toString().startsWith("bearer "), "token-based auth");

        JsonNode payload = new ObjectMapper().readTree(seen.payload());
        assertEquals(List.of("aps", "kind", "messageId"), fieldNames(payload));
        assertEquals(List.of("alert"), fieldNames(payload.get("aps")));
        assertEquals("Glide", payload.at("/aps/alert/title").asText());
        assertEquals("You have a new message", payload.at("/aps/alert/body").asText());
        assertEquals(List.of("body", "title"), fieldNames(payload.get("aps").get("alert")));
        assertEquals("MESSAGE", payload.get("kind").asText());
        assertEquals("3f1c2a9e-0000-4000-8000-000000000001", payload.get("messageId").asText());
    }

    @Test
    void urgentGoesOutImmediately() {
        PushMessage urgent = new PushMessage("CARE_INSTRUCTION", "Glide", "You have a new message",
                Map.of("kind", "CARE_INSTRUCTION"), true);

        assertEquals(Outcome.SENT, sender.send(TOKEN, urgent).outcome());
        assertEquals("10", SEEN.get(0).headers().get("apns-priority").toString());
    }

    @Test
    void unregisteredIs410AndADeadToken() {
        answer = () -> {
            throw new UnregisteredDeviceTokenException(Instant.parse("2026-11-01T00:00:00Z"));
        };

        Result result = sender.send(TOKEN, MESSAGE);

        assertEquals(Outcome.DEAD_TOKEN, result.outcome());
        assertEquals("APNs 410 Unregistered", result.detail());
    }

    @Test
    void badDeviceTokenIsADeadToken() {
        answer = () -> {
            throw new RejectedNotificationException(RejectionReason.BAD_DEVICE_TOKEN);
        };

        Result result = sender.send(TOKEN, MESSAGE);

        assertEquals(Outcome.DEAD_TOKEN, result.outcome());
        assertEquals("APNs 400 BadDeviceToken", result.detail());
    }

    @Test
    void serviceUnavailableIsRetried() {
        answer = () -> {
            throw new RejectedNotificationException(RejectionReason.SERVICE_UNAVAILABLE);
        };

        Result result = sender.send(TOKEN, MESSAGE);

        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals("APNs 503 ServiceUnavailable", result.detail());
    }

    @Test
    void aServerErrorIsRetried() {
        answer = () -> {
            throw new IllegalStateException("the mock server breaks");
        };

        Result result = sender.send(TOKEN, MESSAGE);

        assertEquals(Outcome.RETRY, result.outcome());
        assertTrue(result.detail().startsWith("APNs 500"), result.detail());
    }

    @Test
    void otherRejectionsFailForGood() {
        answer = () -> {
            throw new RejectedNotificationException(RejectionReason.PAYLOAD_TOO_LARGE);
        };

        Result result = sender.send(TOKEN, MESSAGE);

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("APNs 413 PayloadTooLarge", result.detail());
    }

    @Test
    void anUnreachableServerIsRetried() throws Exception {
        ApnsSender nowhere = new ApnsSender(Optional.of(new ApnsSettings("TEAM123456", "KEY1234567",
                resource("token-auth-private-key.p8"), TOPIC, "localhost", 1,
                Optional.of(resource("ca.pem")), Duration.ofSeconds(5))));
        try {
            Result result = nowhere.send(TOKEN, MESSAGE);
            assertEquals(Outcome.RETRY, result.outcome(), String.valueOf(result.detail()));
        } finally {
            nowhere.close();
        }
    }

    @Test
    void anUnreadableKeyFailsWithoutThrowing() {
        ApnsSender broken = new ApnsSender(Optional.of(new ApnsSettings("TEAM123456", "KEY1234567",
                Path.of("/nonexistent/AuthKey.p8"), TOPIC, "localhost", 1, Optional.empty(), Duration.ofSeconds(1))));

        Result result = broken.send(TOKEN, MESSAGE);

        assertEquals(Outcome.FAILED, result.outcome());
        assertNotNull(result.detail());
    }

    @Test
    void withoutSettingsItIsNotConfigured() {
        ApnsSender unconfigured = new ApnsSender(Optional.empty());

        assertFalse(unconfigured.configured());
        assertEquals(Outcome.FAILED, unconfigured.send(TOKEN, MESSAGE).outcome());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ApnsSenderTest.class.getResource("/push/apns/" + name).toURI());
    }
}
