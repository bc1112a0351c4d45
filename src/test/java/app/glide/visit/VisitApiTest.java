package app.glide.visit;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Visits through the API: recorded, read, amended with a reason (every version kept), linked
 * from a plan revision, and what the patient sees of them (never the findings), in
 * /v1/me/visits and, while the care instructions apply, in /v1/me/today.
 */
@QuarkusTest
class VisitApiTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    ClinicWorld world;
    LocalDate today;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Visit clinic");
        today = LocalDate.now(BERLIN);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String visits() {
        return "/v1/patients/" + world.patient().id() + "/visits";
    }

    String therapist() {
        return world.therapistA().accessToken();
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    Response record(Map<String, Object> body) {
        return as(therapist()).body(body).post(visits());
    }

    @Test
    void aVisitIsRecordedReadAndAmendedWithEveryVersionKept() {
        Instant at = Visits.earlierToday(Duration.ofHours(1));
        Response created = record(Visits.body(today, List.of(Visits.needling(at), Visits.education(at))));
        created.then().statusCode(201);
        String id = created.path("id");
        assertEquals(visits() + "/" + id, java.net.URI.create(created.header("Location")).getPath());
        String etag = created.header("ETag");
        assertEquals("\"" + id + ".v1\"", etag);

        JsonPath v = as(therapist()).get(visits() + "/" + id).then().statusCode(200)
                .header("ETag", etag).extract().jsonPath();
        assertEquals("EVALUATION", v.getString("kind"));
        assertEquals(today.toString(), v.getString("visitDate"));
        assertEquals(45, v.getInt("findings.straightLegRaise.left.angleDegrees"));
        assertEquals(1, v.getInt("findings.neuro.reflexes.ankle.left"));
        assertEquals("REDUCED", v.getString("findings.neuro.sensation.l5.left"));
        assertEquals("EXTENSION", v.getString("findings.repeatedMovements.directionalPreference"));
        assertEquals(List.of("DRY_NEEDLING", "EDUCATION"), v.getList("interventions.type"));
        assertEquals(world.therapistAInfo().id().toString(), v.getString("interventions[0].givenBy"),
                "given by the caller when not named");
        assertEquals(1, v.getList("versions").size());
        assertEquals(world.therapistAInfo().id().toString(), v.getString("versions[0].writtenBy"));

        Map<String, Object> amended = Visits.body(today, List.of(Visits.education(at)));
        @SuppressWarnings("unchecked")
        Map<String, Object> findings = (Map<String, Object>) amended.get("findings");
        findings.put("worstPain", 6);
        amended.put("reason", "Needling was recorded for the wrong patient");
        JsonPath a = as(therapist()).header("If-Match", etag).body(amended).post(visits() + "/" + id + "/amendments")
                .then().statusCode(200).header("ETag", "\"" + id + ".v2\"").extract().jsonPath();
        assertEquals(2, a.getInt("currentVersion"));
        assertEquals(6, a.getInt("findings.worstPain"));
        assertEquals(List.of("EDUCATION"), a.getList("interventions.type"));
        assertEquals(List.of(1, 2), a.getList("versions.version"));
        assertEquals("Needling was recorded for the wrong patient", a.getString("versions[1].reason"));

        // The stale ETag: someone amended first.
        amended.put("reason", "Late second thought");
        as(therapist()).header("If-Match", etag).body(amended).post(visits() + "/" + id + "/amendments")
                .then().statusCode(412).body("type", equalTo("https://glide.example/problems/visit-changed"));

        // Both versions are kept as written; only the current one's interventions are indexed.
        List<Object> worst = data.query("select cast(body -> 'findings' ->> 'worstPain' as int) from visit_version"
                + " where visit_id = ? order by version", UUID.fromString(id));
        assertEquals(List.of(7, 6), worst);
        assertEquals(List.of("EDUCATION"), data.query("select kind from visit_intervention where visit_id = ?",
                UUID.fromString(id)));
        assertEquals(List.of("recorded", "amended"), data.query("select action from audit_event where entity_type ="
                + " 'visit' and entity_id = ? order by id", id));
    }

    @Test
    void twoAmendmentsOfTheSameVersionAtOnceOneWinsTheOtherIs412() throws Exception {
        Response created = record(Visits.body(today, List.of()));
        String id = created.then().statusCode(201).extract().path("id");
        String etag = created.header("ETag");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
            for (String reason : List.of("First correction", "Second correction")) {
                Map<String, Object> a = Visits.body(today, List.of());
                a.put("reason", reason);
                calls.add(() -> {
                    // As a client does: a 503 (the patient's writes queue behind each other) is retried.
                    for (int attempt = 1; ; attempt++) {
                        int status = as(therapist()).header("If-Match", etag).body(a)
                                .post(visits() + "/" + id + "/amendments").then().extract().statusCode();
                        if (status != 503 || attempt == 10) {
                            return status;
                        }
                    }
                });
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        as(therapist()).get(visits() + "/" + id).then().statusCode(200).body("currentVersion", equalTo(2))
                .body("versions", hasSize(2));
    }

    @Test
    void theListIsNewestFirstAndPaged() {
        String older = record(Visits.body(today.minusDays(14), List.of())).then().statusCode(201).extract().path("id");
        String newer = record(Visits.body(today, List.of())).then().statusCode(201).extract().path("id");
        JsonPath first = as(therapist()).queryParam("limit", 1).get(visits()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(newer), first.getList("items.id"));
        as(therapist()).queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor")).get(visits())
                .then().statusCode(200).body("items.id", contains(older)).body("nextCursor", nullValue());
        as(world.admin().accessToken()).get(visits()).then().statusCode(200).body("items.id", contains(newer, older));
    }

    @Test
    void aPlanRevisionPointsToTheVisitItFollows() {
        String visitId = record(Visits.body(today, List.of())).then().statusCode(201).extract().path("id");
        String plan = "/v1/patients/" + world.patient().id() + "/plan";
        as(therapist()).body(Visits.planBody(world.therapistA(), "After the evaluation", visitId)).put(plan)
                .then().statusCode(201);
        as(therapist()).get(plan + "/revisions").then().statusCode(200)
                .body("items[0].visitId", equalTo(visitId));
        JsonPath v = as(therapist()).get(visits() + "/" + visitId).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1), v.getList("planRevisions.revision"));

        // An adjustment after a follow-up points to the follow-up.
        String followUp = record(Visits.body(today, List.of())).then().statusCode(201).extract().path("id");
        String etag = as(therapist()).get(plan).then().statusCode(200).extract().header("ETag");
        as(therapist()).header("If-Match", etag)
                .body(Map.of("action", "SCALE_PLAN", "scalePercent", 80, "reason", "Sore after the follow-up",
                        "visitId", followUp))
                .post(plan + "/adjustments").then().statusCode(200);
        as(therapist()).get(plan + "/revisions").then().statusCode(200)
                .body("items.visitId", contains(followUp, visitId));
        as(therapist()).get(visits() + "/" + followUp).then().statusCode(200)
                .body("planRevisions.revision", contains(2));
        // A revision without a visit shows none.
        etag = as(therapist()).get(plan).then().statusCode(200).extract().header("ETag");
        as(therapist()).header("If-Match", etag).body(Map.of("action", "SCALE_PLAN", "scalePercent", 90, "reason", "x"))
                .post(plan + "/adjustments").then().statusCode(200);
        as(therapist()).get(plan + "/revisions").then().statusCode(200).body("items[0].visitId", nullValue());
    }

    @Test
    void aPlanRevisionCannotPointToALaterVisitOrAnotherPatientsVisit() {
        String visitId = record(Visits.body(today, List.of())).then().statusCode(201).extract().path("id");
        String plan = "/v1/patients/" + world.patient().id() + "/plan";
        // A revision written the day before the visit.
        clock.toDaysAgo(1, BERLIN);
        as(therapist()).body(Visits.planBody(world.therapistA(), "Before the visit", visitId)).put(plan)
                .then().statusCode(422).body("type", equalTo("https://glide.example/problems/visit-not-linkable"))
                .body("errors[0].field", equalTo("visitId"));
        clock.reset();
        as(therapist()).get(plan).then().statusCode(404).body("type", equalTo("https://glide.example/problems/no-plan"));
        // Another patient's visit (same therapist, same clinic).
        var other = app.glide.testing.Actors.createPatient(world.therapistA(), "Other patient");
        String othersVisit = as(therapist()).body(Visits.body(today, List.of()))
                .post("/v1/patients/" + other.id() + "/visits").then().statusCode(201).extract().path("id");
        as(therapist()).body(Visits.planBody(world.therapistA(), "Wrong visit", othersVisit)).put(plan)
                .then().statusCode(422).body("type", equalTo("https://glide.example/problems/visit-not-linkable"));
        as(therapist()).get(plan).then().statusCode(404);
        assertEquals(0L, ((Number) data.query("select count(*) from plan_revision where visit_id in (?, ?)",
                UUID.fromString(visitId), UUID.fromString(othersVisit)).get(0)).longValue());
    }

    @Test
    void thePatientSeesOnlyThePatientFacingPart() {
        Instant at = Visits.earlierToday(Duration.ofHours(2));
        String id = record(Visits.body(today, List.of(Visits.taping(at, at.plus(Duration.ofDays(3))))))
                .then().statusCode(201).extract().path("id");
        Response mine = as(phone()).get("/v1/me/visits");
        mine.then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].kind", equalTo("EVALUATION"))
                .body("items[0].visitDate", equalTo(today.toString()))
                .body("items[0].nextVisitOn", equalTo(today.plusDays(7).toString()))
                .body("items[0].patientNote", equalTo("Keep walking every day, little and often."))
                .body("items[0].careInstructions.code", contains("TAPING"))
                .body("items[0].findings", nullValue())
                .body("items[0].interventions", nullValue())
                .body("items[0].clinicalNote", nullValue());
        String raw = mine.asString();
        assertFalse(raw.contains("SECRET-CLINICAL"), raw);
        assertFalse(raw.contains("angleDegrees"), raw);
    }

    @Test
    void careInstructionsAreInTodayWhileTheyApplyAndGoneAfter() {
        as(therapist()).body(Visits.planBody(world.therapistA(), "Start", null))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(201);
        as(phone()).get("/v1/me/today").then().statusCode(200).body("careInstructions", empty())
                .body("nextVisitOn", nullValue());
        Instant at = Visits.earlierToday(Duration.ofHours(1));
        record(Visits.body(today, List.of(Visits.needling(at), Visits.taping(at, at.plus(Duration.ofHours(24))))))
                .then().statusCode(201);

        as(phone()).get("/v1/me/today").then().statusCode(200)
                .body("careInstructions.code", contains("SORENESS_EXPECTED", "TAPING", "WHEN_TO_CONTACT"))
                .body("careInstructions[0].appliesUntil", notNullValue())
                .body("nextVisitOn", equalTo(today.plusDays(7).toString()));
        // A day and a half later the tape is off; the soreness window (48 h) still applies.
        clock.shift(Duration.ofHours(36));
        as(phone()).get("/v1/me/today").then().statusCode(200)
                .body("careInstructions.code", contains("SORENESS_EXPECTED", "WHEN_TO_CONTACT"));
        // After 48 hours nothing applies any more.
        clock.shift(Duration.ofHours(48));
        as(phone()).get("/v1/me/today").then().statusCode(200).body("careInstructions", empty());
        // After the next visit's date, it is no longer announced.
        clock.shift(Duration.ofDays(8));
        as(phone()).get("/v1/me/today").then().statusCode(200).body("nextVisitOn", nullValue());
        // The visit list still shows what was said, with when it applied.
        JsonPath mine = as(phone()).get("/v1/me/visits").then().statusCode(200).extract().jsonPath();
        assertTrue(mine.getList("items[0].careInstructions.code").contains("TAPING"));
    }
}
