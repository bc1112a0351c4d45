package app.glide.message;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The phone's retry racing its first attempt: two identical PUTs under one id at the same moment
 * store one message (one 201, one 200, the same body), and a red-flag mention among them alerts
 * once. A changed body under that id is a 409 and writes nothing.
 */
@QuarkusTest
class MessageConcurrencyApiTest {

    static final int ROUNDS = 5;

    @Inject
    TestData data;

    @Test
    void twoIdenticalConcurrentPutsStoreOneMessage() throws Exception {
        ClinicWorld world = ClinicWorld.create(data, "Message race clinic");
        String phone = world.patientSession().accessToken();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                UUID id = UUID.randomUUID();
                // The last round mentions a red flag: one prompt and one alert, whichever request stores it.
                Map<String, Object> body = Map.of("body", round == ROUNDS - 1 ? "numb between my legs" : "round " + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return as(phone).body(body).put("/v1/me/messages/" + id).then().extract();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                List<Map<String, Object>> bodies = new ArrayList<>();
                for (var f : futures) {
                    statuses.add(f.get().statusCode());
                    bodies.add(f.get().jsonPath().getMap(""));
                }
                assertTrue(statuses.containsAll(List.of(200, 201)), "one stored, one replayed: " + statuses);
                assertEquals(bodies.get(0), bodies.get(1), "both answer the stored message");
                assertEquals(1L, count("select count(*) from message where patient_id = ? and id = ?",
                        world.patient().id(), id));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) ROUNDS, count("select count(*) from message where patient_id = ? and kind = 'PATIENT'",
                world.patient().id()));
        assertEquals(1L, count("select count(*) from message where patient_id = ? and kind = 'SYSTEM'",
                world.patient().id()));
        assertEquals(1L, count("select count(*) from alert where patient_id = ? and kind = 'RED_FLAG_MESSAGE'",
                world.patient().id()));
        assertEquals((long) ROUNDS, count("select count(*) from audit_event where entity_type = 'message' and clinic_id = ?",
                world.clinicId()), "one audit event per stored message");
    }

    @Test
    void aChangedBodyUnderTheSameIdIsAConflictAndWritesNothing() {
        ClinicWorld world = ClinicWorld.create(data, "Message conflict clinic");
        String phone = world.patientSession().accessToken();
        UUID id = UUID.randomUUID();
        Map<String, Object> stored = as(phone).body(Map.of("body", "first words")).put("/v1/me/messages/" + id)
                .then().statusCode(201).extract().jsonPath().getMap("");
        // Changed, and a red-flag mention: refused before anything (no prompt, no alert).
        as(phone).body(Map.of("body", "pain in both legs")).put("/v1/me/messages/" + id).then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/message-conflict"));
        assertEquals(1L, count("select count(*) from message where patient_id = ?", world.patient().id()));
        assertEquals("first words", data.query("select body from message where patient_id = ? and id = ?",
                world.patient().id(), id).get(0));
        assertEquals(0L, count("select count(*) from alert where patient_id = ?", world.patient().id()));
        assertEquals(stored, as(phone).body(Map.of("body", "first words")).put("/v1/me/messages/" + id).then()
                .statusCode(200).extract().jsonPath().getMap(""));
        // Another patient's id space is their own: the same id is a new message for them.
        ClinicWorld other = ClinicWorld.create(data, "Message other clinic");
        as(other.patientSession().accessToken()).body(Map.of("body", "mine")).put("/v1/me/messages/" + id).then()
                .statusCode(201).body("message.body", equalTo("mine"));
    }

    long count(String sql, Object... params) {
        return ((Number) data.query(sql, params).get(0)).longValue();
    }
}
