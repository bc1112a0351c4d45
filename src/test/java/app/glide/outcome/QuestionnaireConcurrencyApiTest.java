package app.glide.outcome;

import static app.glide.outcome.QuestionnaireBodies.daysAgo;
import static app.glide.outcome.QuestionnaireBodies.odi;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The phone's retry racing its first attempt: two identical submissions under one id at the same
 * moment store one response, and both answer it (one 201, the other 200, the same body). A changed
 * body under that id is a 409 and changes nothing.
 */
@QuarkusTest
class QuestionnaireConcurrencyApiTest {

    static final int ROUNDS = 5;

    @Inject
    TestData data;

    @Test
    void twoIdenticalConcurrentSubmissionsStoreOneResponse() throws Exception {
        ClinicWorld world = ClinicWorld.create(data, "Questionnaire race clinic");
        String phone = world.patientSession().accessToken();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                UUID id = UUID.randomUUID();
                Map<String, Object> body = odi(daysAgo(round + 1), 2, 2, 2, 2, 2, 2, 1, 1, 1, round % 6);
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    calls.add(() -> {
                        start.await();
                        return as(phone).body(body).put("/v1/me/questionnaire-responses/" + id).then().extract();
                    });
                }
                List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
                for (var c : calls) {
                    futures.add(pool.submit(c));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                List<Map<String, Object>> bodies = new ArrayList<>();
                for (var f : futures) {
                    statuses.add(f.get().statusCode());
                    bodies.add(f.get().jsonPath().getMap(""));
                }
                assertTrue(statuses.containsAll(List.of(200, 201)), "one stored, one replayed: " + statuses);
                assertEquals(bodies.get(0), bodies.get(1), "both answer the stored response");
                assertEquals(1L, count("select count(*) from outcome_response where patient_id = ? and id = ?",
                        world.patient().id(), id));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) ROUNDS, count("select count(*) from audit_event where entity_type = ? and clinic_id = ?",
                "questionnaire_response", world.clinicId()), "one audit event per stored response");
    }

    @Test
    void aChangedBodyUnderTheSameIdIsAConflictAndWritesNothing() {
        ClinicWorld world = ClinicWorld.create(data, "Questionnaire conflict clinic");
        String phone = world.patientSession().accessToken();
        UUID id = UUID.randomUUID();
        Map<String, Object> first = odi(daysAgo(2), 2, 2, 2, 2, 2, 2, 1, 1, 1, 1);
        Map<String, Object> stored = as(phone).body(first).put("/v1/me/questionnaire-responses/" + id).then()
                .statusCode(201).extract().jsonPath().getMap("");
        Map<String, Object> changed = odi(daysAgo(2), 5, 2, 2, 2, 2, 2, 1, 1, 1, 1);
        as(phone).body(changed).put("/v1/me/questionnaire-responses/" + id).then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/questionnaire-response-conflict"));
        assertEquals(1L, count("select count(*) from outcome_response where patient_id = ?", world.patient().id()));
        assertEquals(32.0, ((Number) data.query("select score from outcome_response where patient_id = ? and id = ?",
                world.patient().id(), id).get(0)).doubleValue(), "the stored score is the first body's");
        // The same body again is still the stored response, unchanged.
        assertEquals(stored, as(phone).body(first).put("/v1/me/questionnaire-responses/" + id).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        // Another patient's id space is their own: the same id is a new response for them.
        ClinicWorld other = ClinicWorld.create(data, "Questionnaire other clinic");
        as(other.patientSession().accessToken()).body(changed).put("/v1/me/questionnaire-responses/" + id).then()
                .statusCode(201).body("score", equalTo(38.0f)); // 19 of 50
    }

    long count(String sql, Object... params) {
        return ((Number) data.query(sql, params).get(0)).longValue();
    }
}
