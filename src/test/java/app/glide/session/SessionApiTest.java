package app.glide.session;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.alert.MonitoringJob;
import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@QuarkusTest
class SessionApiTest {

    /** The patient's zone (what Actors.createPatient gives). */
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    TestData data;

    @Inject
    MonitoringJob monitoring;

    @Inject
    TestClock clock;

    ClinicWorld world;
    String planId;
    int revision;
    String walkItem;
    String bridgeItem;

    /** The plan is made now, or {@link TestClock.SetUpDaysAgo} days ago for the tests that need it older. */
    @BeforeEach
    void setUp(TestInfo test) {
        world = ClinicWorld.create(data, "Session clinic");
        String bridge = exerciseId("glute-bridge");
        String walk = exerciseId("walking-short-flat");
        List<String> everyDay = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        clock.toDaysAgo(TestClock.setUpDaysAgo(test), BERLIN);
        JsonPath plan = as(world.therapistA().accessToken())
                .body(Map.of("reason", "Start", "items", List.of(
                        Map.of("exerciseId", bridge, "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", everyDay)),
                        Map.of("exerciseId", walk, "dosage", Map.of("durationMinutes", 20), "schedule", Map.of("daysOfWeek", everyDay)))))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(201).extract().jsonPath();
        clock.reset();
        planId = plan.getString("id");
        revision = plan.getInt("revision");
        bridgeItem = plan.getString("items[0].id");
        walkItem = plan.getString("items[1].id");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String exerciseId(String slug) {
        return as(world.therapistA().accessToken()).queryParam("q", slug).get("/v1/exercises").then().extract()
                .jsonPath().param("slug", slug).getString("items.find { it.slug == slug }.id");
    }

    Map<String, Object> session(OffsetDateTime start, String extent, int painBefore) {
        Map<String, Object> s = new HashMap<>();
        s.put("planId", planId);
        s.put("planRevision", revision);
        s.put("startedAt", RFC3339.format(start));
        s.put("endedAt", RFC3339.format(start.plusMinutes(25)));
        s.put("painBefore", painBefore);
        s.put("painPeak", 4);
        s.put("painAfter", 2);
        s.put("difficulty", 5);
        s.put("symptomExtent", extent);
        s.put("items", List.of(Map.of("itemId", bridgeItem, "status", "DONE"),
                Map.of("itemId", walkItem, "status", "PARTIAL", "durationMinutes", 10)));
        s.put("note", "Felt fine");
        return s;
    }

    /** Always with seconds (OffsetDateTime.toString drops ":00", which RFC 3339 does not allow). */
    static final java.time.format.DateTimeFormatter RFC3339 = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    static OffsetDateTime hoursAgo(int h) {
        return OffsetDateTime.now(ZoneOffset.ofHours(2)).minusHours(h).truncatedTo(ChronoUnit.SECONDS);
    }

    String token() {
        return world.patientSession().accessToken();
    }

    long rows(String sql, Object... params) {
        return ((Number) data.query(sql, params).get(0)).longValue();
    }

    // --- idempotency ------------------------------------------------------------

    @Test
    void aReplayReturnsTheStoredSessionAndAChangedBodyIsA409() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = session(hoursAgo(3), "THIGH", 3);
        as(token()).body(body).put("/v1/me/sessions/" + id).then().statusCode(201)
                .body("completion", equalTo(0.75f))           // bridge 100 %, walk 10 of 20 min
                .body("localDate", notNullValue())
                .body("symptomChange", nullValue())
                .body("startedAt", equalTo(body.get("startedAt")));
        as(token()).body(body).put("/v1/me/sessions/" + id).then().statusCode(200).body("id", equalTo(id.toString()));
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("painAfter", 7);
        as(token()).body(changed).put("/v1/me/sessions/" + id).then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/session-conflict"));
        assertEquals(1, rows("select count(*) from session_log where id = ?1", id));
        assertEquals(1, rows("select sessions from patient_day where patient_id = ?1", world.patient().id()),
                "the replay did not count twice");
    }

    @Test
    void aReplayAnswersByteForByteWhatTheFirstAnswerSaidAndWhatIsStored() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = session(hoursAgo(3), "THIGH", 3);
        // A phone may send more digits than PostgreSQL keeps (microseconds).
        OffsetDateTime start = hoursAgo(3).plusNanos(123_456_789);
        body.put("startedAt", start.toString());
        body.put("endedAt", start.plusMinutes(25).plusNanos(1_001).toString());
        String first = as(token()).body(body).put("/v1/me/sessions/" + id).then().statusCode(201).extract().asString();
        String replay = as(token()).body(body).put("/v1/me/sessions/" + id).then().statusCode(200).extract().asString();
        assertEquals(first, replay, "a replay answers exactly what the first answer said");
        JsonPath synced = as(token()).get("/v1/me/sessions").then().statusCode(200).extract().jsonPath();
        JsonPath firstJson = JsonPath.from(first);
        assertEquals(firstJson.getMap("$"), synced.getMap("items[0]"), "what was answered is what is stored");
        assertEquals(start.withNano(123_456_000).toString(), firstJson.getString("startedAt"));
        java.time.Instant stored = app.glide.db.SqlValues.instant(
                data.query("select received_at from session_log where id = ?1", id).get(0));
        assertEquals(stored, java.time.Instant.parse(firstJson.getString("receivedAt")));
    }

    @Test
    void aBatchReplayAnswersWhatTheFirstAnswerSaidAndWhatIsStored() {
        UUID id = UUID.randomUUID();
        Map<String, Object> single = session(hoursAgo(3), "THIGH", 3);
        OffsetDateTime start = hoursAgo(3).plusNanos(123_456_789);
        single.put("startedAt", start.toString());
        single.put("endedAt", start.plusMinutes(25).plusNanos(1_001).toString());
        Map<String, Object> inBatch = new HashMap<>(single);
        inBatch.put("id", id.toString());
        // The contract's batch item (allOf with a closed SessionRequest) rejects its own id: see the other batch tests.
        String first = sendingInvalidRequest().auth().oauth2(token()).body(Map.of("sessions", List.of(inBatch)))
                .post("/v1/me/sessions/batch").then().statusCode(200).body("results[0].status", equalTo(201))
                .extract().asString();
        String replay = sendingInvalidRequest().auth().oauth2(token()).body(Map.of("sessions", List.of(inBatch)))
                .post("/v1/me/sessions/batch").then().statusCode(200).body("results[0].status", equalTo(200))
                .extract().asString();
        Map<String, Object> firstSession = JsonPath.from(first).getMap("results[0].session");
        assertEquals(firstSession, JsonPath.from(replay).getMap("results[0].session"),
                "a replayed batch answers exactly what the first answer said");
        assertEquals(first.substring(first.indexOf("\"session\"")), replay.substring(replay.indexOf("\"session\"")),
                "byte for byte");
        String put = as(token()).body(single).put("/v1/me/sessions/" + id).then().statusCode(200).extract().asString();
        assertEquals(firstSession, JsonPath.from(put).getMap("$"), "a single PUT replays the batch's session");
        assertEquals(firstSession, as(token()).get("/v1/me/sessions").then().statusCode(200).extract().jsonPath()
                .getMap("items[0]"), "what was answered is what is stored");
        assertEquals(start.withNano(123_456_000).toString(), firstSession.get("startedAt"));
    }

    // --- empty sessions -----------------------------------------------------------

    @Test
    void anEmptySessionIsRefusedAndAllSkippedIsAccepted() {
        Map<String, Object> noItems = session(hoursAgo(3), "THIGH", 3);
        noItems.put("items", List.of());
        Map<String, Object> zeroLength = session(hoursAgo(3), "THIGH", 3);
        zeroLength.put("endedAt", zeroLength.get("startedAt"));
        for (Map<String, Object> body : List.of(noItems, zeroLength)) {
            as(token()).body(body).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://glide.example/problems/empty-session"))
                    .body("detail", org.hamcrest.Matchers.containsString("empty"))
                    .body("errors", hasSize(1));
        }
        as(token()).body(noItems).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(422)
                .body("errors[0].field", equalTo("items"));
        as(token()).body(zeroLength).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(422)
                .body("errors[0].field", equalTo("endedAt"));
        assertEquals(0, rows("select count(*) from session_log where patient_id = ?1", world.patient().id()));
        assertEquals(0, rows("select count(*) from patient_day where patient_id = ?1", world.patient().id()));

        // Skipping everything is a real report (why the patient did not exercise): it is stored.
        Map<String, Object> allSkipped = session(hoursAgo(3), "THIGH", 3);
        allSkipped.put("items", List.of(Map.of("itemId", bridgeItem, "status", "SKIPPED", "skipReason", "PAIN"),
                Map.of("itemId", walkItem, "status", "SKIPPED", "skipReason", "NO_TIME")));
        UUID skipped = UUID.randomUUID();
        as(token()).body(allSkipped).put("/v1/me/sessions/" + skipped).then().statusCode(201)
                .body("completion", equalTo(0.0f));
        assertEquals(1, rows("select count(*) from session_log where id = ?1", skipped));

        // In an offline batch each empty session gets the same 422 and the others are stored.
        UUID good = UUID.randomUUID();
        UUID empty = UUID.randomUUID();
        UUID instant = UUID.randomUUID();
        Map<String, Object> g = session(hoursAgo(5), "THIGH", 3);
        g.put("id", good.toString());
        Map<String, Object> e = new HashMap<>(noItems);
        e.put("id", empty.toString());
        Map<String, Object> z = new HashMap<>(zeroLength);
        z.put("id", instant.toString());
        sendingInvalidRequest().auth().oauth2(token()).body(Map.of("sessions", List.of(e, g, z)))
                .post("/v1/me/sessions/batch").then().statusCode(200)
                .body("results.status", contains(422, 201, 422))
                .body("results[0].id", equalTo(empty.toString()))
                .body("results[0].problem.type", equalTo("https://glide.example/problems/empty-session"))
                .body("results[0].problem.errors[0].field", equalTo("items"))
                .body("results[2].problem.type", equalTo("https://glide.example/problems/empty-session"))
                .body("results[2].problem.errors[0].field", equalTo("endedAt"));
        assertEquals(1, rows("select count(*) from session_log where id = ?1", good));
        assertEquals(0, rows("select count(*) from session_log where id in (?1, ?2)", empty, instant));
    }

    @Test
    void aSessionCountsForTheLocalDateAtTheOffsetThePhoneSent() {
        // 00:30 at UTC+14 (Kiribati) is still the previous day in UTC; the session counts for the phone's date.
        OffsetDateTime kiribati = OffsetDateTime.now(ZoneOffset.ofHours(14)).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = session(kiribati, "THIGH", 3);
        as(token()).body(body).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201)
                .body("localDate", equalTo(kiribati.toLocalDate().toString()))
                .body("startedAt", equalTo(RFC3339.format(kiribati)));
    }

    @Test
    void anExplicitOffsetCountsForThePhonesLocalDate() {
        // 21:00 at -05:00 (a phone in New York) is 02:00 UTC and 03:00 in Berlin, the patient's zone,
        // the next day: the phone's own date counts, and its offset is kept.
        java.time.LocalDate day = java.time.LocalDate.now(ZoneOffset.ofHours(-5)).minusDays(2);
        OffsetDateTime start = day.atTime(21, 0).atOffset(ZoneOffset.ofHours(-5));
        UUID id = UUID.randomUUID();
        as(token()).body(session(start, "THIGH", 3)).put("/v1/me/sessions/" + id).then().statusCode(201)
                .body("localDate", equalTo(day.toString()))
                .body("startedAt", equalTo(RFC3339.format(start)))
                .body("endedAt", equalTo(RFC3339.format(start.plusMinutes(25))));
        assertEquals(-300, rows("select utc_offset_minutes from session_log where id = ?1", id));
        assertEquals(1, rows("select count(*) from patient_day where patient_id = ?1 and local_date = ?2",
                world.patient().id(), day));
    }

    @Test
    void aTimeInUtcCountsForThePatientsLocalDate() {
        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        var patient = app.glide.testing.Actors.createPatient(world.therapistA(), "Nora New York", newYork.getId());
        String phone = app.glide.testing.Actors.enrol(patient.code()).accessToken();
        JsonPath plan = as(world.therapistA().accessToken())
                .body(Map.of("reason", "Start", "items", List.of(Map.of("exerciseId", exerciseId("glute-bridge"),
                        "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek",
                                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"))))))
                .put("/v1/patients/" + patient.id() + "/plan").then().statusCode(201).extract().jsonPath();
        // 02:00Z is 21:00 (22:00 in summer) the evening before in New York. The UTC day is the one
        // whose 09:00Z has passed and the next one's not, so the next-morning check (from 04:00 New
        // York time the day after the session's local date) is open now only if that date is right.
        java.time.LocalDate utcDay = java.time.LocalDate.ofInstant(java.time.Instant.now().minus(java.time.Duration.ofHours(9)),
                ZoneOffset.UTC);
        OffsetDateTime start = utcDay.atTime(2, 0).atOffset(ZoneOffset.UTC);
        OffsetDateTime local = start.atZoneSameInstant(newYork).toOffsetDateTime();
        Map<String, Object> body = Actors.sessionBody(plan.getString("id"), 1, start, 25, 3, 4, 2, 5, "THIGH",
                List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE")));
        assertTrue(((String) body.get("startedAt")).endsWith("T02:00:00Z"), body.get("startedAt").toString());
        UUID id = UUID.randomUUID();
        String first = as(phone).body(body).put("/v1/me/sessions/" + id).then().statusCode(201)
                .body("localDate", equalTo(utcDay.minusDays(1).toString()))
                .body("startedAt", equalTo(RFC3339.format(local)))
                .body("endedAt", equalTo(RFC3339.format(local.plusMinutes(25))))
                .extract().asString();
        // The same body again is the same session, answered as first answered and as stored.
        String replay = as(phone).body(body).put("/v1/me/sessions/" + id).then().statusCode(200).extract().asString();
        assertEquals(first, replay);
        assertEquals(JsonPath.from(first).getMap("$"),
                as(phone).get("/v1/me/sessions").then().statusCode(200).extract().jsonPath().getMap("items[0]"));
        assertEquals(local.getOffset().getTotalSeconds() / 60,
                rows("select utc_offset_minutes from session_log where id = ?1", id));
        assertEquals(1, rows("select count(*) from patient_day where patient_id = ?1 and local_date = ?2",
                patient.id(), utcDay.minusDays(1)));
        as(phone).body(Map.of("answer", "BETTER", "pain", 2)).put("/v1/me/sessions/" + id + "/morning-check")
                .then().statusCode(200);
    }

    @Test
    void twoConcurrentIdenticalPutsStoreExactlyOneRow() throws Exception {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = session(hoursAgo(2), "THIGH", 3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> as(token()).body(body).put("/v1/me/sessions/" + id).then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one creates: " + statuses);
            assertEquals(3, statuses.stream().filter(s -> s == 200).count(), "the others replay: " + statuses);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, rows("select count(*) from session_log where id = ?1", id));
        assertEquals(1, rows("select sessions from patient_day where patient_id = ?1", world.patient().id()));
    }

    @Test
    void anotherPatientsSessionIdIsANewSessionOfThisPatientAndLeaksNothing() {
        UUID id = UUID.randomUUID();
        as(token()).body(session(hoursAgo(3), "THIGH", 3)).put("/v1/me/sessions/" + id).then().statusCode(201);
        ClinicWorld other = ClinicWorld.create(data, "Other session clinic");
        JsonPath plan = as(other.therapistA().accessToken())
                .body(Map.of("reason", "Start", "items", List.of(Map.of("exerciseId", exerciseId("walking-short-flat"),
                        "dosage", Map.of("durationMinutes", 20), "schedule", Map.of("sessionsPerWeek", 3)))))
                .put("/v1/patients/" + other.patient().id() + "/plan").then().statusCode(201).extract().jsonPath();
        Map<String, Object> theirs = session(hoursAgo(3), "THIGH", 3);
        theirs.put("planId", plan.getString("id"));
        theirs.put("items", List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE")));
        as(other.patientSession().accessToken()).body(theirs).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        // Answered as a fresh id (issue 12: a 409 confirmed that the id exists); ids are unique per patient.
        as(other.patientSession().accessToken()).body(theirs).put("/v1/me/sessions/" + id).then().statusCode(201)
                .body("planId", equalTo(plan.getString("id")));
        assertEquals(1, rows("select count(*) from session_log where id = ?1 and patient_id = ?2", id, world.patient().id()));
        assertEquals(1, rows("select count(*) from session_log where id = ?1 and patient_id = ?2", id, other.patient().id()));
    }

    // --- bad input ----------------------------------------------------------------

    @Test
    void badSessionsAreSpecificProblemsAndStoreNothing() {
        record Case(Map<String, Object> body, int status, String field) {
        }
        List<Case> cases = new ArrayList<>();
        Map<String, Object> b;
        b = session(hoursAgo(3), "THIGH", 11);
        cases.add(new Case(b, 400, "painBefore"));
        b = session(hoursAgo(3), "THIGH", 3);
        b.put("difficulty", -1);
        cases.add(new Case(b, 400, "difficulty"));
        b = session(hoursAgo(3), "THIGH", 3);
        b.put("startedAt", "2026-11-20T08:00:00");
        cases.add(new Case(b, 400, "startedAt"));
        b = session(hoursAgo(3), "THIGH", 3);
        b.put("note", "x".repeat(1001));
        cases.add(new Case(b, 400, "note"));
        b = session(hoursAgo(3), "THIGH", 3);
        b.put("items", List.of(Map.of("itemId", bridgeItem, "status", "SKIPPED")));
        cases.add(new Case(b, 400, "items[0].skipReason"));
        b = session(hoursAgo(3), "THIGH", 3);
        b.put("items", List.of(Map.of("itemId", UUID.randomUUID().toString(), "status", "DONE")));
        cases.add(new Case(b, 422, "items[0].itemId"));
        b = session(hoursAgo(3), "THIGH", 3);
        b.put("planRevision", 99);
        cases.add(new Case(b, 422, "planRevision"));
        cases.add(new Case(session(hoursAgo(24 * 31), "THIGH", 3), 422, "startedAt"));
        cases.add(new Case(session(hoursAgo(-2), "THIGH", 3), 422, "endedAt"));
        b = session(hoursAgo(3), "KNEE", 3);
        cases.add(new Case(b, 400, "symptomExtent"));
        for (Case c : cases) {
            sendingInvalidRequest().auth().oauth2(token()).body(c.body()).put("/v1/me/sessions/" + UUID.randomUUID())
                    .then().statusCode(c.status()).contentType("application/problem+json")
                    .body("errors.field", hasItem(c.field()));
        }
        assertEquals(0, rows("select count(*) from session_log where patient_id = ?1", world.patient().id()));
    }

    @Test
    void aBatchStoresTheGoodSessionsAndExplainsTheBadOnes() {
        List<Map<String, Object>> sessions = new ArrayList<>();
        UUID good1 = UUID.randomUUID();
        UUID good2 = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        Map<String, Object> s1 = session(hoursAgo(50), "THIGH", 3);
        s1.put("id", good1.toString());
        Map<String, Object> s2 = session(hoursAgo(26), "THIGH", 3);
        s2.put("id", good2.toString());
        Map<String, Object> s3 = session(hoursAgo(5), "THIGH", 12);
        s3.put("id", bad.toString());
        sessions.add(s1);
        sessions.add(s3);
        sessions.add(s2);
        sendingInvalidRequest().auth().oauth2(token()).body(Map.of("sessions", sessions)).post("/v1/me/sessions/batch")
                .then().statusCode(200)
                .body("results.status", contains(201, 400, 201))
                .body("results[1].problem.errors[0].field", equalTo("painBefore"))
                .body("results[0].session.id", equalTo(good1.toString()));
        // Replaying the same batch is safe: the good ones replay, the bad one is still bad.
        sendingInvalidRequest().auth().oauth2(token()).body(Map.of("sessions", sessions)).post("/v1/me/sessions/batch")
                .then().statusCode(200).body("results.status", contains(200, 400, 200));
        assertEquals(2, rows("select count(*) from session_log where patient_id = ?1", world.patient().id()));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(s1);
        }
        sendingInvalidRequest().auth().oauth2(token()).body(Map.of("sessions", tooMany)).post("/v1/me/sessions/batch")
                .then().statusCode(400).body("errors[0].field", equalTo("sessions"));
    }

    @Test
    void sessionsAgainstAnOlderRevisionCountAgainstThatRevision() {
        String etag = as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/plan")
                .then().extract().header("ETag");
        as(world.therapistA().accessToken()).header("If-Match", etag)
                .body(Map.of("action", "PROGRESS", "itemId", bridgeItem, "reason", "Progress"))
                .post("/v1/patients/" + world.patient().id() + "/plan/adjustments").then().statusCode(200);
        // The phone was offline and still showed revision 1 (10 reps); it did 10 reps.
        Map<String, Object> old = session(hoursAgo(1), "THIGH", 3);
        old.put("items", List.of(Map.of("itemId", bridgeItem, "status", "PARTIAL", "reps", 10),
                Map.of("itemId", walkItem, "status", "DONE")));
        as(token()).body(old).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201)
                .body("planRevision", equalTo(1))
                .body("completion", equalTo(1.0f));
    }

    // --- sync, comments, morning checks -------------------------------------------

    @Test
    void deltaSyncBringsCommentsAndMorningChecks() {
        UUID id = UUID.randomUUID();
        // Two days back: its next morning has surely come (checks open at 04:00 the day after).
        String first = as(token()).body(session(hoursAgo(60), "THIGH", 3)).put("/v1/me/sessions/" + id)
                .then().statusCode(201).extract().path("changedAt");
        JsonPath all = as(token()).get("/v1/me/sessions").then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath();
        String since = all.getString("nextSince");
        as(token()).queryParam("since", since).get("/v1/me/sessions").then().statusCode(200).body("items", hasSize(0));
        as(world.therapistA().accessToken()).body(Map.of("body", "Great work — keep the bridge slow."))
                .post("/v1/patients/" + world.patient().id() + "/sessions/" + id + "/comments")
                .then().statusCode(201).body("authorName", notNullValue());
        as(token()).queryParam("since", since).get("/v1/me/sessions").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].comments[0].body", equalTo("Great work — keep the bridge slow."));
        as(token()).body(Map.of("answer", "BETTER", "pain", 2)).put("/v1/me/sessions/" + id + "/morning-check")
                .then().statusCode(200).body("answer", equalTo("BETTER"));
        as(token()).body(Map.of("answer", "BETTER", "pain", 2)).put("/v1/me/sessions/" + id + "/morning-check")
                .then().statusCode(200);
        as(token()).body(Map.of("answer", "WORSE", "pain", 6)).put("/v1/me/sessions/" + id + "/morning-check")
                .then().statusCode(409);
        as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/sessions").then()
                .statusCode(200).body("items[0].morningCheck.answer", equalTo("BETTER"));
        assertTrue(first != null);
    }

    // --- alerts --------------------------------------------------------------------

    List<String> alertKinds(String status) {
        var spec = as(world.therapistA().accessToken()).queryParam("patientId", world.patient().id().toString());
        if (status != null) {
            spec.queryParam("status", status);
        }
        return spec.get("/v1/alerts").then().statusCode(200).extract().jsonPath().getList("items.kind");
    }

    @Test
    void peripheralisationRaisesOneAlertNotTwo() {
        as(token()).body(session(hoursAgo(30), "BUTTOCK", 3)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        as(token()).body(session(hoursAgo(20), "THIGH", 3)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201)
                .body("symptomChange", equalTo("PERIPHERALISING"));
        as(token()).body(session(hoursAgo(10), "FOOT", 3)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201)
                .body("symptomChange", equalTo("PERIPHERALISING"));
        assertEquals(List.of("PERIPHERALISATION"), alertKinds(null));
    }

    @Test
    void worseTwoMorningsInARowRaisesOneAlert() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        as(token()).body(session(hoursAgo(100), "THIGH", 3)).put("/v1/me/sessions/" + a).then().statusCode(201);
        as(token()).body(session(hoursAgo(80), "THIGH", 3)).put("/v1/me/sessions/" + b).then().statusCode(201);
        as(token()).body(session(hoursAgo(60), "THIGH", 3)).put("/v1/me/sessions/" + c).then().statusCode(201);
        as(token()).body(Map.of("answer", "WORSE", "pain", 5)).put("/v1/me/sessions/" + a + "/morning-check").then().statusCode(200);
        assertEquals(List.of(), alertKinds(null));
        as(token()).body(Map.of("answer", "WORSE", "pain", 6)).put("/v1/me/sessions/" + b + "/morning-check").then().statusCode(200);
        as(token()).body(Map.of("answer", "WORSE", "pain", 6)).put("/v1/me/sessions/" + c + "/morning-check").then().statusCode(200);
        assertEquals(List.of("WORSE_NEXT_MORNING"), alertKinds(null));
    }

    @Test
    @TestClock.SetUpDaysAgo(20)
    void risingPainRaisesOneAlert() {
        // The plan began 20 days ago. First week: resting pain 2; now, 7 days later: 5 — up 3 points.
        as(token()).body(session(hoursAgo(24 * 14), "THIGH", 2)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        assertEquals(List.of(), alertKinds(null));
        as(token()).body(session(hoursAgo(3), "THIGH", 5)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        as(token()).body(session(hoursAgo(2), "THIGH", 5)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        assertEquals(List.of("PAIN_RISING"), alertKinds(null));
    }

    @Test
    void aRedFlagRaisesAnUrgentAlertInTheSameTransaction() {
        Map<String, Object> answers = new HashMap<>(Map.of("saddleNumbness", false, "bladderOrBowelChange", true,
                "symptomsInBothLegs", false, "worseningLegWeakness", false, "footDrop", false));
        String checkId = as(token()).body(answers).post("/v1/me/red-flag-checks").then().statusCode(201)
                .body("seekUrgentCare", equalTo(true))
                .body("message", org.hamcrest.Matchers.containsString("doctor"))
                .body("positiveAnswers", contains("bladderOrBowelChange"))
                .extract().path("id");
        as(world.therapistA().accessToken()).get("/v1/caseload").then().statusCode(200)
                .body("items[0].patientId", equalTo(world.patient().id().toString()))
                .body("items[0].urgentAlerts", equalTo(1));
        // The check-in and the alert were written by one and the same transaction.
        assertEquals(1, rows("""
                select count(*) from red_flag_check r join alert a on a.patient_id = r.patient_id
                where r.id = ?1 and a.kind = 'RED_FLAG' and a.severity = 'URGENT' and a.xmin = r.xmin""",
                UUID.fromString(checkId)));
        // A second positive check-in while the first is unresolved does not pile up alerts.
        as(token()).body(answers).post("/v1/me/red-flag-checks").then().statusCode(201);
        assertEquals(List.of("RED_FLAG"), alertKinds(null));
        // Negative answers reassure and alert no one.
        answers.put("bladderOrBowelChange", false);
        as(token()).body(answers).post("/v1/me/red-flag-checks").then().statusCode(201)
                .body("seekUrgentCare", equalTo(false));
    }

    @Test
    @TestClock.SetUpDaysAgo(10)
    void inactivityAndLowAdherenceAlertsComeFromTheJobOnce() {
        // The plan started 10 days ago; one session 5 days ago.
        as(token()).body(session(hoursAgo(24 * 5), "THIGH", 3)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        // The patient's next day comes (and the day after it, below), both in one patient week: the
        // low-adherence alert is once per week, so a new week would be a new cause.
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
        int nextDay = today.plusDays(1).getDayOfWeek() == DayOfWeek.SUNDAY ? 2 : 1;
        clock.shift(Duration.ofDays(nextDay));
        assertTrue(monitoring.runOnce() >= 1);
        assertEquals(monitoring.runOnce(), 0, "nothing left to do until the patient's next day");
        List<String> kinds = alertKinds(null);
        assertTrue(kinds.containsAll(List.of("NO_ACTIVITY", "LOW_ADHERENCE")) && kinds.size() == 2, kinds.toString());
        // Resolve them; running again for the same cause does not re-raise.
        for (String id : as(world.therapistA().accessToken()).queryParam("patientId", world.patient().id().toString())
                .get("/v1/alerts").then().extract().jsonPath().getList("items.id", String.class)) {
            as(world.therapistA().accessToken()).post("/v1/alerts/" + id + "/acknowledge").then().statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"));
            as(world.therapistA().accessToken()).body(Map.of("note", "Phoned; travelling"))
                    .post("/v1/alerts/" + id + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
            as(world.therapistA().accessToken()).post("/v1/alerts/" + id + "/acknowledge").then().statusCode(409);
        }
        clock.shift(Duration.ofDays(nextDay + 1));
        monitoring.runOnce();
        assertEquals(List.of(), alertKinds(null));
        assertEquals(2, alertKinds("RESOLVED").size());
    }

    @Test
    void clinicThresholdsChangeWhenAlertsFire() {
        as(world.therapistA().accessToken()).get("/v1/clinic/settings").then().statusCode(200)
                .body("inactivityDays", equalTo(3));
        Map<String, Object> settings = Map.of("painRisePoints", 1.5, "worseMorningsInARow", 1, "lowAdherencePercent", 40,
                "inactivityDays", 7, "redFlagMessage", "Call the clinic's urgent line now: 555-0100.");
        as(world.therapistA().accessToken()).body(settings).put("/v1/clinic/settings").then().statusCode(403);
        as(world.admin().accessToken()).body(settings).put("/v1/clinic/settings").then().statusCode(200)
                .body("worseMorningsInARow", equalTo(1));
        UUID id = UUID.randomUUID();
        as(token()).body(session(hoursAgo(60), "THIGH", 3)).put("/v1/me/sessions/" + id).then().statusCode(201);
        as(token()).body(Map.of("answer", "WORSE", "pain", 5)).put("/v1/me/sessions/" + id + "/morning-check").then().statusCode(200);
        assertEquals(List.of("WORSE_NEXT_MORNING"), alertKinds(null));
        as(token()).body(Map.of("saddleNumbness", true, "bladderOrBowelChange", false, "symptomsInBothLegs", false,
                "worseningLegWeakness", false, "footDrop", false)).post("/v1/me/red-flag-checks").then().statusCode(201)
                .body("message", equalTo("Call the clinic's urgent line now: 555-0100."));
    }

    // --- adherence and caseload -------------------------------------------------------

    @Test
    void aDayWithAThousandSessionsStillTakesTheNext() {
        as(token()).body(session(hoursAgo(1), "THIGH", 3)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        data.execute("update patient_day set sessions = 1000, completion_sum = 999.9 where patient_id = ?1", world.patient().id());
        as(token()).body(session(hoursAgo(1), "THIGH", 3)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        assertEquals(1, rows("select count(*) from patient_day where patient_id = ?1 and completion_sum > 1000",
                world.patient().id()));
    }

    @Test
    @TestClock.SetUpDaysAgo(6)
    void adherenceIsTheSameForThePatientAndTheTherapist() {
        // The plan began 6 days ago.
        as(token()).body(session(hoursAgo(1), "THIGH", 3)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        JsonPath mine = as(token()).get("/v1/me/adherence").then().statusCode(200).extract().jsonPath();
        JsonPath theirs = as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/adherence")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(mine.getMap("$"), theirs.getMap("$"));
        assertEquals(1, mine.getInt("daysWithData30"));
        assertEquals(1, mine.getInt("streakDays"));
        assertTrue(mine.getDouble("adherence7d") < 0.2, "0.75 done of 6 or 7 expected");
    }

    @Test
    void theCaseloadPutsUrgentCasesFirstAndStaysInTheCareTeam() {
        var second = app.glide.testing.Actors.createPatient(world.therapistA(), "Zed Quiet");
        app.glide.testing.Actors.enrol(second.code());
        as(token()).body(Map.of("saddleNumbness", false, "bladderOrBowelChange", false, "symptomsInBothLegs", true,
                "worseningLegWeakness", false, "footDrop", false)).post("/v1/me/red-flag-checks").then().statusCode(201);
        as(world.therapistA().accessToken()).queryParam("limit", 1).get("/v1/caseload").then().statusCode(200)
                .body("items[0].patientId", equalTo(world.patient().id().toString()))
                .body("nextCursor", notNullValue());
        as(world.therapistB().accessToken()).get("/v1/caseload").then().statusCode(200).body("items", hasSize(0));
        as(world.admin().accessToken()).get("/v1/caseload").then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void aFlareUpIsCommittedWhenAnItemIsAlreadyAtItsEasiestStep() {
        // The walk cannot step back; the flare-up steps back what it can and must still be stored.
        as(token()).body(Map.of("pain", 7, "symptomExtent", "BELOW_KNEE")).post("/v1/me/flare-ups").then().statusCode(201)
                .body("active", equalTo(true));
        as(token()).get("/v1/me/plan").then().statusCode(200).body("mode", equalTo("FLARE_UP")).body("revision", equalTo(2));
        assertEquals(1, rows("select count(*) from alert where patient_id = ?1 and kind = 'FLARE_UP'", world.patient().id()));
    }

    @Test
    void theCaseloadSaysWhyEachPatientNeedsAttention() {
        var quiet = app.glide.testing.Actors.createPatient(world.therapistA(), "Quinn Quiet");
        app.glide.testing.Actors.enrol(quiet.code());
        as(token()).body(Map.of("saddleNumbness", false, "bladderOrBowelChange", false, "symptomsInBothLegs", true,
                "worseningLegWeakness", false, "footDrop", false)).post("/v1/me/red-flag-checks").then().statusCode(201);
        as(token()).body(Map.of("pain", 7, "symptomExtent", "BELOW_KNEE")).post("/v1/me/flare-ups").then().statusCode(201);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
        String mine = "items.find { it.patientId == '" + world.patient().id() + "' }";
        String theirs = "items.find { it.patientId == '" + quiet.id() + "' }";
        as(world.therapistA().accessToken()).get("/v1/caseload").then().statusCode(200)
                .body("items[0].patientId", equalTo(world.patient().id().toString()))
                .body(mine + ".attention.alertKinds", contains("RED_FLAG", "FLARE_UP"))
                .body(mine + ".attention.flareUp", equalTo(true))
                .body(mine + ".attention.flareStartedOn", equalTo(today))
                .body(theirs + ".attention.alertKinds", hasSize(0))
                .body(theirs + ".attention.flareUp", equalTo(false))
                .body(theirs + ".attention.flareStartedOn", nullValue());
        // The flare-up alert resolved, the flare-up itself still on: the row still says so.
        String flareAlert = as(world.therapistA().accessToken()).get("/v1/alerts").then().statusCode(200).extract()
                .path("items.find { it.kind == 'FLARE_UP' }.id");
        as(world.therapistA().accessToken()).body(Map.of("note", "Phoned; plan stepped back"))
                .post("/v1/alerts/" + flareAlert + "/resolve").then().statusCode(200);
        as(world.admin().accessToken()).get("/v1/caseload").then().statusCode(200)
                .body(mine + ".attention.alertKinds", contains("RED_FLAG"))
                .body(mine + ".attention.flareUp", equalTo(true));
        // The therapist ends the flare-up: gone from the row.
        String etag = as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/plan")
                .then().statusCode(200).extract().header("ETag");
        as(world.therapistA().accessToken()).header("If-Match", etag).body(Map.of("reason", "Settled"))
                .post("/v1/patients/" + world.patient().id() + "/plan/flare-up/end").then().statusCode(200);
        as(world.therapistA().accessToken()).get("/v1/caseload").then().statusCode(200)
                .body(mine + ".attention.flareUp", equalTo(false))
                .body(mine + ".attention.flareStartedOn", nullValue());
        assertEquals(1, rows("select count(*) from plan where patient_id = ?1 and status = 'ACTIVE' and flare_started_on is null",
                world.patient().id()));
    }

    // --- authorisation on every new endpoint ------------------------------------------

    @Test
    void nobodyReachesAnotherPatientsSessionsAlertsOrAdherence() {
        UUID id = UUID.randomUUID();
        as(token()).body(session(hoursAgo(20), "BUTTOCK", 3)).put("/v1/me/sessions/" + id).then().statusCode(201);
        as(token()).body(session(hoursAgo(10), "FOOT", 3)).put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        String alertId = as(world.therapistA().accessToken()).get("/v1/alerts").then().extract().path("items[0].id");
        ClinicWorld other = ClinicWorld.create(data, "Nosy clinic");
        String p = "/v1/patients/" + world.patient().id();
        for (var who : List.of(world.therapistB(), other.therapistA(), other.admin())) {
            as(who.accessToken()).get(p + "/sessions").then().statusCode(404);
            as(who.accessToken()).get(p + "/adherence").then().statusCode(404);
            as(who.accessToken()).queryParam("patientId", world.patient().id().toString()).get("/v1/alerts").then().statusCode(404);
            as(who.accessToken()).get("/v1/alerts").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.not(hasItem(alertId)));
        }
        for (var who : List.of(world.therapistB(), other.therapistA())) {
            as(who.accessToken()).body(Map.of("body", "hi")).post(p + "/sessions/" + id + "/comments").then().statusCode(404);
            as(who.accessToken()).post("/v1/alerts/" + alertId + "/acknowledge").then().statusCode(404);
            as(who.accessToken()).body(Map.of()).post("/v1/alerts/" + alertId + "/resolve").then().statusCode(404);
        }
        // Another patient cannot check, sync or comment someone else's session.
        as(other.patientSession().accessToken()).body(Map.of("answer", "WORSE", "pain", 9))
                .put("/v1/me/sessions/" + id + "/morning-check").then().statusCode(404);
        as(other.patientSession().accessToken()).get("/v1/me/sessions").then().statusCode(200).body("items", hasSize(0));
        // Roles: patients never use therapist endpoints; staff never the patient's.
        as(token()).get(p + "/sessions").then().statusCode(403);
        as(token()).get("/v1/alerts").then().statusCode(403);
        as(token()).get("/v1/caseload").then().statusCode(403);
        as(token()).post("/v1/alerts/" + alertId + "/acknowledge").then().statusCode(403);
        as(world.admin().accessToken()).post("/v1/alerts/" + alertId + "/acknowledge").then().statusCode(403);
        as(world.admin().accessToken()).body(Map.of("body", "hi")).post(p + "/sessions/" + id + "/comments").then().statusCode(403);
        as(world.therapistA().accessToken()).body(session(hoursAgo(2), "THIGH", 3)).put("/v1/me/sessions/" + UUID.randomUUID())
                .then().statusCode(403);
        as(world.therapistA().accessToken()).get("/v1/me/adherence").then().statusCode(403);
        as(token()).get("/v1/clinic/settings").then().statusCode(403);
    }
}
