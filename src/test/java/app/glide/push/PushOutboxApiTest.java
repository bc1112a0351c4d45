package app.glide.push;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.message.TherapistReplied;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, items 5-6: the outbox row commits with the therapist's message (and not without it),
 * at most one per kind, patient and day; the dispatcher sends each row once with two running,
 * retries with backoff, removes dead tokens, keeps quiet hours (urgent rows excepted), sends no
 * health details; the meters are on /q/metrics. The providers are {@link RecordingPushSender}.
 */
@QuarkusTest
class PushOutboxApiTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    PushDispatcher dispatcher;

    @Inject
    PushOutbox outbox;

    @Inject
    Event<TherapistReplied> replied;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    ClinicWorld world;
    String token;

    @BeforeEach
    void setUp() {
        RecordingPushSender.reset();
        // Tomorrow (so every earlier test's row is due too) at noon in Berlin: outside the default quiet hours.
        middayIn(1);
        world = ClinicWorld.create(data, "Push clinic");
        token = register("APNS");
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        RecordingPushSender.reset();
    }

    void middayIn(int days) {
        clock.setTo(ZonedDateTime.of(LocalDate.now(BERLIN).plusDays(days), LocalTime.NOON, BERLIN).toInstant());
    }

    String register(String platform) {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        String t = platform.equals("APNS") ? hex : "fcm:" + hex + hex;
        Map<String, Object> body = new HashMap<>(Map.of("platform", platform, "pushToken", t, "appVersion", "2.3.1",
                "locale", "de-DE", "timeZone", "Europe/Berlin"));
        as(world.patientSession().accessToken()).body(body).put("/v1/me/devices/" + UUID.randomUUID()).then()
                .statusCode(201);
        return t;
    }

    String reply(String text) {
        return as(world.therapistA().accessToken()).body(Map.of("body", text))
                .post("/v1/patients/" + world.patient().id() + "/messages").then().statusCode(201).extract()
                .jsonPath().getString("id");
    }

    List<Object[]> rows() {
        return data.query("select kind, ref_id, status, attempts, next_attempt_at, last_error, sent_at, urgent"
                + " from push_outbox where patient_id = ? order by created_at", world.patient().id());
    }

    /** Runs the dispatcher until it finds nothing due (other tests' rows are drained too). */
    void drain() {
        for (int i = 0; i < 100 && dispatcher.dispatchOnce() > 0; i++) {
        }
    }

    @Test
    void aTherapistsMessageWritesOneRowInItsTransactionAndOnlyOneADay() {
        String first = reply("Keep going, the bridge gets easier.");
        List<Object[]> rows = rows();
        assertEquals(1, rows.size());
        assertEquals("MESSAGE", rows.get(0)[0]);
        assertEquals(first, rows.get(0)[1]);
        assertEquals("PENDING", rows.get(0)[2]);
        reply("And one more thing.");
        assertEquals(1, rows().size(), "at most one MESSAGE row per patient and day");
        // The next day is a new day.
        middayIn(2);
        reply("Next day.");
        assertEquals(2, rows().size());
    }

    @Test
    void theRowIsWrittenInTheTransactionOfTheChangeAndRolledBackWithIt() {
        QuarkusTransaction.begin();
        try {
            replied.fire(new TherapistReplied(world.patient().id(), UUID.randomUUID()));
            assertEquals(1, rows().size(), "written in the caller's transaction");
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(0, rows().size(), "the row goes with the change's transaction");
        // A message the API refuses (too long) is never written, and neither is a row.
        app.glide.testing.Api.sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken())
                .contentType("application/json").body(Map.of("body", "x".repeat(5000)))
                .post("/v1/patients/" + world.patient().id() + "/messages").then().statusCode(400);
        assertEquals(0, rows().size());
    }

    @Test
    void sentOnceToEveryDeviceWithAFixedTextAndOnlyIds() {
        String fcm = register("FCM");
        String messageId = reply("Your MRI shows a herniated disc at L5; pain 7/10 is expected.");
        drain();
        Object[] row = rows().get(0);
        assertEquals("SENT", row[2]);
        assertNotNull(row[6]);
        assertEquals(1, RecordingPushSender.to(token).size());
        assertEquals(1, RecordingPushSender.to(fcm).size());
        RecordingPushSender.Call call = RecordingPushSender.to(token).get(0);
        assertEquals(PushSender.Platform.APNS, call.platform());
        assertEquals(PushSender.Platform.FCM, RecordingPushSender.to(fcm).get(0).platform());
        PushSender.PushMessage m = call.message();
        assertEquals("You have a new message", m.title());
        assertEquals("MESSAGE", m.kind());
        assertFalse(m.urgent());
        assertEquals(messageId, m.data().get("messageId"));
        assertEquals(java.util.Set.of("kind", "outboxId", "messageId"), m.data().keySet());
        String everything = m.title() + m.body() + m.data();
        for (String secret : List.of("MRI", "herniated", "L5", "pain", "7/10", "Push clinic", "Pat ")) {
            assertFalse(everything.contains(secret), "payload leaks " + secret + ": " + everything);
        }
        drain();
        assertEquals(1, RecordingPushSender.to(token).size(), "sent once");
    }

    @Test
    void twoDispatchersAtOnceSendEachRowExactlyOnce() throws Exception {
        int patients = 12;
        List<String> tokens = new java.util.ArrayList<>();
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < patients; i++) {
            world = ClinicWorld.create(data, "Push race " + i);
            tokens.add(register(i % 2 == 0 ? "APNS" : "FCM"));
            reply("Hello " + i);
            ids.add(world.patient().id());
            QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(world.patient().id(), PushKind.NUDGE, null, false));
        }
        RecordingPushSender.sendMillis = 30;
        CountDownLatch start = new CountDownLatch(1);
        Runnable run = () -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            // Both keep going until every row of these patients is done (a run that finds nothing due
            // does not stop a thread while the other one still holds rows).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pendingOf(ids) > 0 && System.nanoTime() < deadline) {
                dispatcher.dispatchOnce();
            }
        };
        CompletableFuture<Void> one = CompletableFuture.runAsync(run);
        CompletableFuture<Void> two = CompletableFuture.runAsync(run);
        start.countDown();
        CompletableFuture.allOf(one, two).get(60, TimeUnit.SECONDS);
        assertEquals(0L, pendingOf(ids));
        for (String t : tokens) {
            List<RecordingPushSender.Call> calls = RecordingPushSender.to(t);
            assertEquals(2, calls.size(), "one MESSAGE and one NUDGE, each once: " + calls);
            assertEquals(java.util.Set.of("MESSAGE", "NUDGE"),
                    java.util.Set.copyOf(calls.stream().map(c -> c.message().kind()).toList()));
        }
    }

    @Test
    void aProviderErrorIsRetriedWithBackoffThenSent() {
        RecordingPushSender.answer(token, RecordingPushSender.retry(null), RecordingPushSender.retry(Duration.ofMinutes(5)));
        reply("Retry me");
        Instant t0 = clock.instant();
        drain();
        Object[] row = rows().get(0);
        assertEquals("PENDING", row[2]);
        assertEquals(1, number(row[3]));
        assertTrue(row[5].toString().contains("503"));
        Instant next = instant(row[4]);
        assertTrue(!next.isBefore(t0.plusSeconds(30)) && next.isBefore(t0.plusSeconds(60)), "first backoff 30 s: " + next);
        drain();
        assertEquals(1, RecordingPushSender.to(token).size(), "not again before the backoff");
        clock.setTo(next.plusSeconds(1));
        drain();
        row = rows().get(0);
        assertEquals(2, number(row[3]));
        Instant second = instant(row[4]);
        assertTrue(!second.isBefore(next.plus(Duration.ofMinutes(5))), "the provider's Retry-After (5 min) wins over 60 s");
        clock.setTo(second.plusSeconds(1));
        drain();
        row = rows().get(0);
        assertEquals("SENT", row[2]);
        assertEquals(3, RecordingPushSender.to(token).size());
    }

    @Test
    void aRowTheProviderKeepsRefusingFailsAfterTheLastAttempt() {
        RecordingPushSender.answer(token, java.util.stream.Stream.generate(() -> RecordingPushSender.retry(null))
                .limit(20).toArray(app.glide.push.PushSender.Result[]::new));
        reply("Never delivered");
        for (int attempt = 1; attempt <= 20; attempt++) {
            drain();
            Object[] row = rows().get(0);
            if (!"PENDING".equals(row[2])) {
                break;
            }
            clock.setTo(instant(row[4]).plusSeconds(1));
        }
        Object[] row = rows().get(0);
        assertEquals("FAILED", row[2]);
        assertEquals(8, number(row[3]), "glide.push.max-attempts");
        assertEquals(8, RecordingPushSender.to(token).size(), "no send after the last attempt");
    }

    @Test
    void aDeadTokenRemovesItsDeviceAndTheOtherDevicesStillGetIt() {
        String fcm = register("FCM");
        RecordingPushSender.answer(token, RecordingPushSender.dead());
        reply("Hello");
        drain();
        assertEquals(0L, count("select count(*) from device where push_token = ?", token));
        assertEquals(1L, count("select count(*) from device where push_token = ?", fcm));
        assertEquals("SENT", rows().get(0)[2]);
        // With only dead tokens the row is dropped, not retried.
        RecordingPushSender.answer(fcm, RecordingPushSender.dead());
        middayIn(2);
        reply("Hello again");
        drain();
        assertEquals(0L, count("select count(*) from device where patient_id = ?", world.patient().id()));
        assertEquals("DROPPED", rows().get(1)[2]);
    }

    @Test
    void nothingNonUrgentInsideQuietHoursButUrgentOnesGoOut() {
        // 23:30 in Berlin: inside the default quiet hours (22:00-07:00).
        ZonedDateTime late = ZonedDateTime.of(LocalDate.now(BERLIN).plusDays(1), LocalTime.of(23, 30), BERLIN);
        clock.setTo(late.toInstant());
        reply("Late reply");
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(world.patient().id(), PushKind.CARE_INSTRUCTION,
                UUID.randomUUID().toString(), true));
        drain();
        List<Object[]> rows = rows();
        assertEquals("PENDING", rows.get(0)[2]);
        assertEquals(late.plusDays(1).with(LocalTime.of(7, 0)).toInstant(),
                instant(rows.get(0)[4]), "waits for the end of the quiet hours");
        assertEquals("SENT", rows.get(1)[2], "urgent");
        assertEquals(List.of("CARE_INSTRUCTION"), RecordingPushSender.to(token).stream().map(c -> c.message().kind()).toList());
        assertTrue(RecordingPushSender.to(token).get(0).message().urgent());
        clock.setTo(late.plusDays(1).with(LocalTime.of(7, 1)).toInstant());
        drain();
        assertEquals("SENT", rows().get(0)[2]);
    }

    @Test
    void withoutAConfiguredSenderRowsStayInTheOutbox() {
        RecordingPushSender.configured = false;
        reply("Nobody can send this yet");
        drain();
        Object[] row = rows().get(0);
        assertEquals("PENDING", row[2]);
        assertEquals(0, number(row[3]));
        assertTrue(row[5].toString().contains("no APNS sender configured"));
        assertTrue(RecordingPushSender.CALLS.isEmpty());
    }

    @Test
    void theOutboxMetersAreOnTheManagementPort() {
        RecordingPushSender.answer(token, new PushSender.Result(PushSender.Outcome.FAILED, "400 BadTopic", null));
        reply("Counted");
        drain();
        assertEquals("FAILED", rows().get(0)[2]);
        String metrics = RestAssured.given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        for (String name : List.of("glide_push_outbox_pending ", "glide_push_outbox_oldest_pending_age_seconds ",
                "glide_push_sent_total ", "glide_push_failed_total ", "glide_push_dead_tokens_total ")) {
            assertTrue(metrics.contains(name), name + " missing");
        }
        double failed = Double.parseDouble(metrics.lines().filter(l -> l.startsWith("glide_push_failed_total "))
                .findFirst().orElseThrow().split(" ")[1]);
        assertTrue(failed >= 1.0);
    }

    static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }

    static int number(Object o) {
        return ((Number) o).intValue();
    }

    long pendingOf(List<UUID> patients) {
        return count("select count(*) from push_outbox where status = 'PENDING' and patient_id = any(cast(? as uuid[]))",
                patients.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")));
    }

    long count(String sql, Object... params) {
        return ((Number) data.query(sql, params).get(0)).longValue();
    }
}
