package app.glide.disclosure;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Actors.Session;
import app.glide.testing.Actors;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access log (issue 17, item 5): every successful staff read of a patient's health data
 * writes exactly one record, read back from the database; the patient's own reads, the
 * caseload and refused reads write none; the patient (and the clinic admin) read the records.
 */
@QuarkusTest
class AccessLogApiTest {

    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    /** Each recorded staff read of a patient (path under /v1/patients/{id}) and what it records. */
    static final Map<String, String> STAFF_READS = Map.ofEntries(
            Map.entry("/plan", "PLAN"),
            Map.entry("/plan/revisions", "PLAN_HISTORY"),
            Map.entry("/plans", "PLAN_HISTORY"),
            Map.entry("/plan/suggestions", "SUGGESTIONS"),
            Map.entry("/sessions", "SESSIONS"),
            Map.entry("/adherence", "ADHERENCE"),
            Map.entry("/progress", "PROGRESS"),
            Map.entry("/visits", "VISITS"),
            Map.entry("/outcome-schedules", "OUTCOMES"),
            Map.entry("/outcomes", "OUTCOMES"),
            Map.entry("/messages", "MESSAGES"));

    @Inject
    TestData data;

    @Inject
    AccessRecorder recorder;

    ClinicWorld world;
    ClinicWorld other;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Access log clinic");
        other = ClinicWorld.create(data, "Other access log clinic");
        Session t = world.therapistA();
        Map<String, Object> plan = new HashMap<>(Map.of("reason", "Start", "items", List.of(
                Map.of("exerciseId", Actors.exerciseId(t, "glute-bridge"),
                        "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", EVERY_DAY)))));
        as(t.accessToken()).body(plan).put(patientPath("")).then().statusCode(201);
    }

    String patientPath(String tail) {
        return "/v1/patients/" + world.patient().id() + (tail.isEmpty() ? "/plan" : tail);
    }

    /** The patient's records, once every record queued so far is written (AccessRecorder writes them in batches). */
    List<Object[]> records(UUID patientId) {
        try {
            assertTrue(recorder.awaitWritten(Duration.ofSeconds(10)), "the access log's writer fell behind");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return data.query("select cast(actor_user_id as text), actor_role, what, request_id, cast(clinic_id as text),"
                + " to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from patient_access"
                + " where patient_id = ? order by id", patientId);
    }

    @Test
    void eachStaffReadWritesExactlyOneRecord() {
        for (var read : STAFF_READS.entrySet()) {
            int before = records(world.patient().id()).size();
            String requestId = "alog-" + UUID.randomUUID();
            as(world.therapistA().accessToken()).header("X-Request-Id", requestId)
                    .get(patientPath(read.getKey())).then().statusCode(200);
            List<Object[]> after = records(world.patient().id());
            assertEquals(before + 1, after.size(), read.getKey() + " writes exactly one record");
            Object[] r = after.get(after.size() - 1);
            assertEquals(world.therapistAInfo().id().toString(), r[0], read.getKey());
            assertEquals("THERAPIST", r[1], read.getKey());
            assertEquals(read.getValue(), r[2], read.getKey());
            assertEquals(requestId, r[3], read.getKey());
            assertEquals(world.clinicId().toString(), r[4], read.getKey());
        }
        // The clinic admin's read is recorded with the admin's role.
        as(world.admin().accessToken()).get(patientPath("/sessions")).then().statusCode(200);
        List<Object[]> all = records(world.patient().id());
        assertEquals(STAFF_READS.size() + 1, all.size());
        assertEquals(world.admin().userId().toString(), all.get(all.size() - 1)[0]);
        assertEquals("ADMIN", all.get(all.size() - 1)[1]);
    }

    @Test
    void concurrentReadsEachGetTheirOwnRecord() throws Exception {
        // Concurrent records share INSERT statements (AccessRecorder's batches); none is lost or doubled.
        int reads = 24;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<String>> answered = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            answered.add(pool.submit(() -> {
                String requestId = "alog-group-" + UUID.randomUUID();
                as(world.therapistA().accessToken()).header("X-Request-Id", requestId).get(patientPath("/plan"))
                        .then().statusCode(200);
                return requestId;
            }));
        }
        Set<String> requestIds = new HashSet<>();
        for (Future<String> f : answered) {
            requestIds.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        List<Object[]> all = records(world.patient().id());
        assertEquals(reads, all.size(), "one record per read");
        assertEquals(requestIds, all.stream().map(r -> (String) r[3]).collect(Collectors.toSet()));
    }

    @Test
    void aNotModifiedPlanReadIsRecordedToo() {
        String etag = as(world.therapistA().accessToken()).get(patientPath("/plan")).then().statusCode(200)
                .extract().header("ETag");
        as(world.therapistA().accessToken()).header("If-None-Match", etag).get(patientPath("/plan"))
                .then().statusCode(304);
        assertEquals(2, records(world.patient().id()).size());
    }

    @Test
    void thePatientsOwnReadsAndTheCaseloadWriteNone() {
        String p = world.patientSession().accessToken();
        for (String path : List.of("/v1/me/plan", "/v1/me/today", "/v1/me/sessions", "/v1/me/adherence", "/v1/me/progress",
                "/v1/me/visits", "/v1/me/messages", "/v1/me/access-log")) {
            as(p).get(path).then().statusCode(200);
        }
        as(world.therapistA().accessToken()).get("/v1/caseload").then().statusCode(200);
        as(world.therapistA().accessToken()).get("/v1/patients").then().statusCode(200);
        as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id()).then().statusCode(200);
        as(world.admin().accessToken()).get(patientPath("/access-log")).then().statusCode(200);
        assertEquals(List.of(), records(world.patient().id()));
    }

    @Test
    void refusedReadsWriteNone() {
        for (String path : STAFF_READS.keySet()) {
            // Not on the care team, and another clinic: 404, as if the patient did not exist.
            as(world.therapistB().accessToken()).get(patientPath(path)).then().statusCode(404);
            as(other.therapistA().accessToken()).get(patientPath(path)).then().statusCode(404);
            as(other.admin().accessToken()).get(patientPath(path)).then().statusCode(404);
            // A patient on a staff endpoint: 403; no token: 401.
            as(world.patientSession().accessToken()).get(patientPath(path)).then().statusCode(403);
            api().get(patientPath(path)).then().statusCode(401);
        }
        // An unknown visit of a patient the therapist may read: 404, nothing recorded either.
        as(world.therapistA().accessToken()).get(patientPath("/visits/" + UUID.randomUUID())).then().statusCode(404);
        assertEquals(List.of(), records(world.patient().id()));
    }

    @Test
    void thePatientSeesWhoReadTheirDataNewestFirst() {
        as(world.therapistA().accessToken()).get(patientPath("/plan")).then().statusCode(200);
        as(world.admin().accessToken()).header("X-Request-Id", "alog-admin-read")
                .get(patientPath("/sessions")).then().statusCode(200);
        as(world.therapistA().accessToken()).get(patientPath("/messages")).then().statusCode(200);
        List<Object[]> stored = records(world.patient().id());

        JsonPath first = as(world.patientSession().accessToken()).queryParam("limit", 2).get("/v1/me/access-log")
                .then().statusCode(200).body("items[0]", not(hasKey("requestId"))).extract().jsonPath();
        assertEquals(List.of("MESSAGES", "SESSIONS"), first.getList("items.what"));
        assertEquals(List.of("THERAPIST", "ADMIN"), first.getList("items.actorRole"));
        assertEquals(world.therapistAInfo().id().toString(), first.getString("items[0].actorUserId"));
        assertEquals("Ada Access log clinic", first.getString("items[0].actorName"));
        assertEquals(Instant.parse((String) stored.get(2)[5]),
                Instant.parse(first.getString("items[0].occurredAt")));
        JsonPath second = as(world.patientSession().accessToken()).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/v1/me/access-log")
                .then().statusCode(200).body("nextCursor", nullValue()).extract().jsonPath();
        assertEquals(List.of("PLAN"), second.getList("items.what"));

        // The clinic admin sees the same records, with the request id of each read.
        as(world.admin().accessToken()).get(patientPath("/access-log")).then().statusCode(200)
                .body("items.what", equalTo(List.of("MESSAGES", "SESSIONS", "PLAN")))
                .body("items[1].requestId", equalTo("alog-admin-read"));
    }

    @Test
    void nobodyElseSeesAPatientsAccessLog() {
        as(world.therapistA().accessToken()).get(patientPath("/plan")).then().statusCode(200);
        // Another patient sees only their own (empty) log.
        as(other.patientSession().accessToken()).get("/v1/me/access-log").then().statusCode(200)
                .body("items", equalTo(new ArrayList<>()));
        // Staff have no own log; a therapist may not read a patient's; another clinic's admin gets 404.
        as(world.therapistA().accessToken()).get("/v1/me/access-log").then().statusCode(403);
        as(world.admin().accessToken()).get("/v1/me/access-log").then().statusCode(403);
        as(world.therapistA().accessToken()).get(patientPath("/access-log")).then().statusCode(403);
        as(world.patientSession().accessToken()).get(patientPath("/access-log")).then().statusCode(403);
        as(other.admin().accessToken()).get(patientPath("/access-log")).then().statusCode(404)
                .body("type", equalTo("https://glide.example/problems/not-found"));
        api().get("/v1/me/access-log").then().statusCode(401);
        api().get(patientPath("/access-log")).then().statusCode(401);
    }

    @Test
    void aCursorThisApiDidNotWriteIs400() {
        as(world.patientSession().accessToken()).queryParam("cursor", "bm90LWEtY3Vyc29y").get("/v1/me/access-log").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith("/invalid-cursor"));
    }
}
