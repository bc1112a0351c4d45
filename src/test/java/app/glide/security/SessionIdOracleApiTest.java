package app.glide.security;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Actors.Session;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 9: a session id is the patient's own. Another patient's id, sent by a
 * patient who knows it, is answered exactly as a fresh id (stored for this patient), so
 * the answer never confirms that the id exists, and the other patient's session is untouched.
 */
@QuarkusTest
class SessionIdOracleApiTest {

    @Inject
    TestData data;

    ClinicWorld home;
    ClinicWorld other;

    @BeforeEach
    void setUp() {
        home = ClinicWorld.create(data, "Oracle clinic A");
        other = ClinicWorld.create(data, "Oracle clinic B");
    }

    record Patient(Session session, JsonPath plan) {
    }

    static Patient withPlan(ClinicWorld w) {
        JsonPath plan = as(w.therapistA().accessToken()).body(Map.of("reason", "Start", "items", List.of(Map.of(
                "exerciseId", Actors.exerciseId(w.therapistA(), "pelvic-tilt"), "dosage", Map.of("sets", 1, "reps", 10),
                "schedule", Map.of("sessionsPerWeek", 3))))).put("/v1/patients/" + w.patient().id() + "/plan").then()
                .statusCode(201).extract().jsonPath();
        return new Patient(w.patientSession(), plan);
    }

    /** One start for the whole run: a replay must be byte-for-byte the same body, across a second boundary too. */
    static final OffsetDateTime START = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.SECONDS);

    static Map<String, Object> body(Patient p, int painBefore, String note) {
        OffsetDateTime start = START;
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Map<String, Object> b = new HashMap<>();
        b.put("planId", p.plan().getString("id"));
        b.put("planRevision", 1);
        b.put("startedAt", f.format(start));
        b.put("endedAt", f.format(start.plusMinutes(20)));
        b.put("painBefore", painBefore);
        b.put("painPeak", 3);
        b.put("painAfter", 2);
        b.put("difficulty", 4);
        b.put("symptomExtent", "THIGH");
        b.put("note", note);
        b.put("items", List.of(Map.of("itemId", p.plan().getString("items[0].id"), "status", "DONE")));
        return b;
    }

    static Response put(Patient p, String id, Map<String, Object> body) {
        return as(p.session().accessToken()).body(body).put("/v1/me/sessions/" + id);
    }

    @Test
    void anotherPatientsSessionIdIsAnsweredAsAFreshOne() {
        Patient a = withPlan(home);
        Patient b = withPlan(other);
        String shared = UUID.randomUUID().toString();
        put(a, shared, body(a, 2, "A's session")).then().statusCode(201);

        // B sends A's id: the same answer as for an id nobody ever used, and B's session is stored.
        Response guessed = put(b, shared, body(b, 6, "B's session"));
        Response fresh = put(b, UUID.randomUUID().toString(), body(b, 6, "B's session"));
        assertEquals(fresh.statusCode(), guessed.statusCode(), guessed.asString());
        guessed.then().statusCode(201).body("id", equalTo(shared)).body("painBefore", equalTo(6))
                .body("note", equalTo("B's session"));
        // B's replay is B's own idempotent replay; a different body under B's id is B's own conflict.
        put(b, shared, body(b, 6, "B's session")).then().statusCode(200).body("note", equalTo("B's session"));
        put(b, shared, body(b, 7, "B's session")).then().statusCode(409);

        // A's session is untouched, and A still owns the id: A's replay is a replay.
        List<Map<String, Object>> mine = as(a.session().accessToken()).get("/v1/me/sessions").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(1, mine.size());
        assertEquals(shared, mine.get(0).get("id"));
        assertEquals(2, mine.get(0).get("painBefore"));
        assertEquals("A's session", mine.get(0).get("note"));
        put(a, shared, body(a, 2, "A's session")).then().statusCode(200).body("painBefore", equalTo(2));

        // Each therapist sees their own patient's session under that id, and comments land on it alone.
        as(home.therapistA().accessToken()).body(Map.of("body", "For A"))
                .post("/v1/patients/" + home.patient().id() + "/sessions/" + shared + "/comments").then().statusCode(201);
        as(other.therapistA().accessToken()).get("/v1/patients/" + other.patient().id() + "/sessions").then()
                .statusCode(200).body("items.find { it.id == '" + shared + "' }.note", equalTo("B's session"))
                .body("items.find { it.id == '" + shared + "' }.comments.size()", equalTo(0));
        as(home.therapistA().accessToken()).get("/v1/patients/" + home.patient().id() + "/sessions").then()
                .statusCode(200).body("items[0].comments[0].body", equalTo("For A"));
    }

    @Test
    void inABatchAnotherPatientsIdIsAlsoAFreshOne() {
        Patient a = withPlan(home);
        Patient b = withPlan(other);
        String shared = UUID.randomUUID().toString();
        put(a, shared, body(a, 2, "A's session")).then().statusCode(201);
        Map<String, Object> item = new HashMap<>(body(b, 6, "B's"));
        item.put("id", shared);
        // The contract's batch item (allOf with a closed SessionRequest) rejects its own id (see SessionApiTest).
        sendingInvalidRequest().auth().oauth2(b.session().accessToken()).body(Map.of("sessions", List.of(item)))
                .post("/v1/me/sessions/batch").then().statusCode(200)
                .body("results[0].status", equalTo(201)).body("results[0].session.note", equalTo("B's"));
        as(a.session().accessToken()).get("/v1/me/sessions").then().statusCode(200)
                .body("items[0].note", equalTo("A's session"));
    }
}
