package app.glide.safety;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * An open red flag stops the plan on the phone until a therapist resolves it; unresolved
 * alerts that get worse are reopened and escalated instead of being de-duplicated away.
 */
@QuarkusTest
class RedFlagStopApiTest {

    static final DateTimeFormatter RFC3339 = Actors.RFC3339;
    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    /** The patient's zone (what Actors.createPatient gives). */
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    TestData data;

    @Inject
    org.hibernate.SessionFactory sessions;

    @Inject
    app.glide.db.Sql sql;

    @Inject
    TestClock clock;

    ClinicWorld world;
    String patient;
    String therapist;

    /** The plan is made now, or {@link TestClock.SetUpDaysAgo} days ago for a test that needs it older. */
    @BeforeEach
    void setUp(TestInfo test) {
        world = ClinicWorld.create(data, "Stop clinic");
        patient = world.patientSession().accessToken();
        therapist = world.therapistA().accessToken();
        String bridge = as(therapist).queryParam("q", "glute-bridge").get("/v1/exercises").then().extract()
                .jsonPath().param("slug", "glute-bridge").getString("items.find { it.slug == slug }.id");
        clock.toDaysAgo(TestClock.setUpDaysAgo(test), BERLIN);
        as(therapist).body(Map.of("reason", "Start", "items", List.of(Map.of("exerciseId", bridge,
                        "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", EVERY_DAY)))))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(201);
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> redFlags(String... positive) {
        Map<String, Object> answers = new HashMap<>(Map.of("saddleNumbness", false, "bladderOrBowelChange", false,
                "symptomsInBothLegs", false, "worseningLegWeakness", false, "footDrop", false));
        for (String p : positive) {
            answers.put(p, true);
        }
        return answers;
    }

    void checkIn(String... positive) {
        as(patient).body(redFlags(positive)).post("/v1/me/red-flag-checks").then().statusCode(201);
    }

    /** Logs a session done {@code hoursAgo} hours before the clinical clock's now against the current plan; returns its id. */
    String logSession(int hoursAgo, String extent) {
        return logSession(hoursAgo, extent, 4);
    }

    String logSession(int hoursAgo, String extent, int painPeak) {
        JsonPath plan = as(patient).get("/v1/me/plan").then().statusCode(200).extract().jsonPath();
        OffsetDateTime start = OffsetDateTime.now(clock).minusHours(hoursAgo).truncatedTo(ChronoUnit.SECONDS);
        String id = UUID.randomUUID().toString();
        as(patient).body(Map.of("planId", plan.getString("id"), "planRevision", plan.getInt("revision"),
                        "startedAt", RFC3339.format(start), "endedAt", RFC3339.format(start.plusMinutes(20)),
                        "painBefore", 3, "painPeak", painPeak, "painAfter", 3, "difficulty", 5, "symptomExtent", extent,
                        "items", List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE"))))
                .put("/v1/me/sessions/" + id).then().statusCode(201);
        return id;
    }

    /** The patient's unresolved alerts of a kind, as the care team's inbox shows them. */
    List<Map<String, Object>> inbox(String kind) {
        return as(therapist).queryParam("patientId", world.patient().id().toString()).get("/v1/alerts")
                .then().statusCode(200).extract().jsonPath().param("kind", kind).getList("items.findAll { it.kind == kind }");
    }

    Map<String, Object> theOnly(String kind) {
        List<Map<String, Object>> alerts = inbox(kind);
        assertEquals(1, alerts.size(), alerts.toString());
        return alerts.get(0);
    }

    void acknowledge(Object alertId) {
        as(therapist).post("/v1/alerts/" + alertId + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
    }

    // --- the stop state on the phone ---------------------------------------------------

    @Test
    void anOpenRedFlagStopsThePlanOnThePhoneUntilATherapistResolvesIt() {
        as(world.admin().accessToken()).body(Map.of("painRisePoints", 2, "worseMorningsInARow", 2,
                        "lowAdherencePercent", 50, "inactivityDays", 3, "redFlagMessage", "Stop now and call us or 999.",
                        "phone", "+44 20 7946 0000", "country", "GB"))
                .put("/v1/clinic/settings").then().statusCode(200).body("effectiveEmergencyNumber", equalTo("999"));
        String before = as(patient).get("/v1/me/plan").then().statusCode(200).body("mode", equalTo("NORMAL"))
                .body("stop", nullValue()).body("items[0].today.due", equalTo(true)).extract().header("ETag");
        as(patient).get("/v1/me/today").then().statusCode(200).body("items", hasSize(1)).body("stop", nullValue());

        checkIn("worseningLegWeakness");

        // A phone holding the ETag from before the red flag must get the stop, not 304.
        String stopped = as(patient).header("If-None-Match", before).get("/v1/me/plan").then().statusCode(200)
                .body("mode", equalTo("STOPPED"))
                .body("stop.reason", equalTo("RED_FLAG"))
                .body("stop.since", notNullValue())
                .body("stop.message", equalTo("Stop now and call us or 999."))
                .body("stop.actions.kind", contains("CALL_CLINIC", "CALL_EMERGENCY"))
                .body("stop.actions.phone", contains("+44 20 7946 0000", "999"))
                .body("items[0].today.due", equalTo(false))
                .extract().header("ETag");
        assertNotEquals(before, stopped);
        as(patient).header("If-None-Match", stopped).get("/v1/me/plan").then().statusCode(304);
        as(patient).get("/v1/me/today").then().statusCode(200)
                .body("mode", equalTo("STOPPED")).body("items", hasSize(0))
                .body("stop.actions.phone", contains("+44 20 7946 0000", "999"));

        // Sessions done offline still upload and are stored.
        String session = logSession(2, "THIGH");
        as(patient).get("/v1/me/sessions").then().statusCode(200).body("items.id", hasItem(session));
        as(therapist).get("/v1/patients/" + world.patient().id() + "/sessions").then().statusCode(200)
                .body("items.id", hasItem(session));

        // A new contact number reaches phones that hold the stopped ETag.
        as(world.admin().accessToken()).body(Map.of("painRisePoints", 2, "worseMorningsInARow", 2,
                        "lowAdherencePercent", 50, "inactivityDays", 3, "redFlagMessage", "Stop now and call us or 999.",
                        "phone", "+44 20 7946 1111"))
                .put("/v1/clinic/settings").then().statusCode(200).body("country", equalTo("GB"));
        stopped = as(patient).header("If-None-Match", stopped).get("/v1/me/plan").then().statusCode(200)
                .body("stop.actions.phone", contains("+44 20 7946 1111", "999")).extract().header("ETag");

        // The therapist resolves the alert: the stop is over, and phones see it.
        Object alertId = theOnly("RED_FLAG").get("id");
        as(therapist).body(Map.of("note", "Seen in A&E, no cauda equina")).post("/v1/alerts/" + alertId + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        String after = as(patient).header("If-None-Match", stopped).get("/v1/me/plan").then().statusCode(200)
                .body("mode", equalTo("NORMAL")).body("stop", nullValue()).body("items[0].today.due", equalTo(true))
                .extract().header("ETag");
        assertEquals(before, after, "back to the plan's own ETag");
        as(patient).get("/v1/me/today").then().statusCode(200).body("mode", equalTo("NORMAL"))
                .body("items", hasSize(1)).body("stop", nullValue());
    }

    @Test
    void withoutClinicSettingsTheStopOffersTheDefaultEmergencyNumberOnly() {
        checkIn("saddleNumbness");
        as(patient).get("/v1/me/plan").then().statusCode(200).body("mode", equalTo("STOPPED"))
                .body("stop.message", containsString("Stop your exercises"))
                .body("stop.actions.kind", contains("CALL_EMERGENCY"))
                .body("stop.actions.phone", contains("112"));
        // The care team's own view of the plan is unchanged.
        as(therapist).get("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(200)
                .body("mode", equalTo("NORMAL")).body("stop", nullValue());
    }

    @Test
    void clinicContactSettingsAreValidatedAndCanBeCleared() {
        Map<String, Object> base = Map.of("painRisePoints", 2, "worseMorningsInARow", 2, "lowAdherencePercent", 50,
                "inactivityDays", 3, "redFlagMessage", "Seek care now.");
        Map<String, Object> bad = new HashMap<>(base);
        bad.put("country", "XX");
        as(world.admin().accessToken()).body(bad).put("/v1/clinic/settings").then().statusCode(400)
                .body("type", equalTo("https://glide.example/problems/validation"))
                .body("errors[0].field", equalTo("country"));
        for (String phone : List.of("+49 ", "+4", " 030 1234", "12-")) {
            Map<String, Object> padded = new HashMap<>(base);
            padded.put("phone", phone);
            // Refused as sent (it once passed here, was stripped, and then failed the column's check: 500).
            sendingInvalidRequest().auth().oauth2(world.admin().accessToken()).body(padded).put("/v1/clinic/settings")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("phone"));
        }
        Map<String, Object> set = new HashMap<>(base);
        set.put("phone", "+1 555 0100");
        set.put("country", "US");
        set.put("emergencyNumber", "9111");
        as(world.admin().accessToken()).body(set).put("/v1/clinic/settings").then().statusCode(200)
                .body("effectiveEmergencyNumber", equalTo("9111"));
        Map<String, Object> clear = new HashMap<>(base);
        clear.put("emergencyNumber", "");
        as(world.admin().accessToken()).body(clear).put("/v1/clinic/settings").then().statusCode(200);
        as(therapist).get("/v1/clinic/settings").then().statusCode(200)
                .body("phone", equalTo("+1 555 0100")).body("country", equalTo("US"))
                .body("emergencyNumber", nullValue()).body("effectiveEmergencyNumber", equalTo("911"));
    }

    @Test
    void theStoppedPlanCostsTheSameSingleStatementAsAnyOther() {
        checkIn("symptomsInBothLegs");
        String etag = as(patient).get("/v1/me/plan").then().statusCode(200).body("mode", equalTo("STOPPED"))
                .extract().header("ETag");
        long before = statements();
        as(patient).get("/v1/me/plan").then().statusCode(200).body("stop.reason", equalTo("RED_FLAG"));
        assertEquals(1, statements() - before, "head with the stop state, revision cached");
        before = statements();
        as(patient).header("If-None-Match", etag).get("/v1/me/plan").then().statusCode(304);
        assertEquals(1, statements() - before, "304 reads only the head");
    }

    private long statements() {
        return sessions.getStatistics().getPrepareStatementCount() + sql.executed();
    }

    // --- escalation instead of silent de-duplication --------------------------------------

    @Test
    void aDifferentRedFlagAfterAcknowledgementReopensAndEscalatesTheSameAgainDoesNot() {
        checkIn("worseningLegWeakness");
        Map<String, Object> raised = theOnly("RED_FLAG");
        assertEquals(0, raised.get("escalations"));
        acknowledge(raised.get("id"));

        checkIn("worseningLegWeakness");
        Map<String, Object> same = theOnly("RED_FLAG");
        assertEquals("ACKNOWLEDGED", same.get("status"), "a repeat stays de-duplicated");
        assertEquals(0, same.get("escalations"));

        checkIn("worseningLegWeakness", "footDrop");
        Map<String, Object> worse = theOnly("RED_FLAG");
        assertEquals(raised.get("id"), worse.get("id"));
        assertEquals("OPEN", worse.get("status"));
        assertEquals(1, worse.get("escalations"));
        assertEquals(null, worse.get("acknowledgedAt"));
        assertEquals(null, worse.get("acknowledgedBy"));
        assertEquals(true, worse.get("escalatedAt") != null);
        assertEquals(List.of("worseningLegWeakness", "footDrop"), ((Map<?, ?>) worse.get("details")).get("positive"));
        assertEquals(true, ((String) worse.get("message")).contains("footDrop"), worse.get("message").toString());
        as(world.admin().accessToken()).queryParam("entityType", "alert").queryParam("entityId", worse.get("id"))
                .get("/v1/audit-events").then().statusCode(200).body("items.action", hasItem("escalated"));

        // Acknowledged again, then the same answers once more: nothing changes.
        acknowledge(worse.get("id"));
        checkIn("footDrop");
        Map<String, Object> repeat = theOnly("RED_FLAG");
        assertEquals("ACKNOWLEDGED", repeat.get("status"));
        assertEquals(1, repeat.get("escalations"));
        // Still stopped on the phone throughout.
        as(patient).get("/v1/me/today").then().body("mode", equalTo("STOPPED")).body("items", hasSize(0));
    }

    @Test
    void symptomsSpreadingFurtherAfterAcknowledgementEscalatePeripheralisation() {
        logSession(40, "THIGH");
        logSession(30, "BELOW_KNEE");
        Map<String, Object> raised = theOnly("PERIPHERALISATION");
        assertEquals("BELOW_KNEE", ((Map<?, ?>) raised.get("details")).get("symptomExtent"));
        acknowledge(raised.get("id"));

        // Back up and down again to the same extent: not worse than recorded.
        logSession(25, "THIGH");
        logSession(20, "BELOW_KNEE");
        Map<String, Object> same = theOnly("PERIPHERALISATION");
        assertEquals("ACKNOWLEDGED", same.get("status"));
        assertEquals(0, same.get("escalations"));

        logSession(10, "FOOT");
        Map<String, Object> worse = theOnly("PERIPHERALISATION");
        assertEquals(raised.get("id"), worse.get("id"));
        assertEquals("OPEN", worse.get("status"));
        assertEquals(1, worse.get("escalations"));
        assertEquals("FOOT", ((Map<?, ?>) worse.get("details")).get("symptomExtent"));
        assertEquals("BELOW_KNEE", ((Map<?, ?>) worse.get("details")).get("previousSymptomExtent"));
        assertEquals(true, ((String) worse.get("message")).contains("foot"), worse.get("message").toString());
    }

    @Test
    @TestClock.SetUpDaysAgo(3)
    void aNewAutomaticRegressionEscalatesThePlanAutoAdjustedAlert() {
        // The plan was made 3 days ago and switched to AUTO the same day: the sessions below fall after.
        String planPath = "/v1/patients/" + world.patient().id() + "/plan";
        String singleLeg = as(therapist).queryParam("q", "single-leg-bridge").get("/v1/exercises").then().extract()
                .jsonPath().param("slug", "single-leg-bridge").getString("items.find { it.slug == slug }.id");
        clock.toDaysAgo(3, BERLIN);
        String etag = as(therapist).get(planPath).then().statusCode(200).extract().header("ETag");
        as(therapist).header("If-Match", etag).body(Map.of("reason", "AUTO", "adjustmentMode", "AUTO",
                        "items", List.of(Map.of("exerciseId", singleLeg, "dosage", Map.of("sets", 2, "reps", 10),
                                "schedule", Map.of("daysOfWeek", EVERY_DAY)))))
                .put(planPath).then().statusCode(200);
        clock.reset();
        logSession(30, "THIGH", 8);
        Map<String, Object> raised = theOnly("PLAN_AUTO_ADJUSTED");
        assertEquals("REGRESS", ((Map<?, ?>) raised.get("details")).get("action"));
        acknowledge(raised.get("id"));

        // The next day, a session that came after the automatic regression, too.
        clock.shift(Duration.ofDays(1));
        logSession(20, "THIGH", 8);
        as(therapist).get(planPath).then().body("revision", equalTo(4));
        Map<String, Object> worse = theOnly("PLAN_AUTO_ADJUSTED");
        assertEquals(raised.get("id"), worse.get("id"));
        assertEquals("OPEN", worse.get("status"));
        assertEquals(1, worse.get("escalations"));
        assertEquals(4, ((Map<?, ?>) worse.get("details")).get("revision"));
    }
}
