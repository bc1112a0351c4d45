package app.glide.clinical;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clinical rules end to end, through the API only, as a patient's phone and a therapist
 * would use it: sessions logged over days (the plan is made with the clinical clock moved back,
 * so that they fall after it was made), next-morning checks answered the morning after, offline
 * batches in any order, and then what the therapist and the phone see. Every write is read back,
 * not only its status (and testing/Api checks that no 2xx answer hid a rolled-back transaction).
 */
@QuarkusTest
class ClinicalScenarioApiTest {

    static final DateTimeFormatter RFC3339 = Actors.RFC3339;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    ClinicWorld world;
    String plan;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Scenario clinic");
        plan = "/v1/patients/" + world.patient().id() + "/plan";
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- the table: sessions over days, then what the therapist sees ------------------------

    /** One day: a session at 18:00 local that many days ago, and (optionally) its next-morning answer. */
    record Day(int daysAgo, int before, int peak, String morning, Integer morningPain, String extent) {
        static Day steady(int daysAgo) {
            return new Day(daysAgo, 1, 2, "SAME", 1, "THIGH");
        }

        Day withPeak(int p) {
            return new Day(daysAgo, before, p, morning, morningPain, extent);
        }
    }

    static List<Day> steadyDays(int... daysAgo) {
        List<Day> days = new ArrayList<>();
        for (int d : daysAgo) {
            days.add(Day.steady(d));
        }
        return days;
    }

    static List<Day> then(List<Day> days, Day last) {
        List<Day> all = new ArrayList<>(days);
        all.add(last);
        return all;
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("two steady weeks: progression", steadyDays(13, 11, 9, 7, 5, 3, 1),
                        "PROGRESS", "ready-to-progress"),
                Arguments.of("pain rising 1 to 3 within every session: never progression",
                        List.of(new Day(5, 1, 3, "SAME", 1, "THIGH"), new Day(3, 1, 3, "SAME", 1, "THIGH"),
                                new Day(1, 1, 3, "SAME", 1, "THIGH")),
                        "HOLD", "pain-rose-during-session"),
                Arguments.of("peak 3 after a first week at 1: never progression",
                        List.of(Day.steady(13).withPeak(1), Day.steady(12).withPeak(1), Day.steady(11).withPeak(1),
                                new Day(3, 2, 3, "SAME", 2, "THIGH"), new Day(2, 2, 3, "SAME", 2, "THIGH"),
                                new Day(1, 2, 3, "SAME", 2, "THIGH")),
                        "HOLD", "pain-above-baseline"),
                Arguments.of("morning SAME but pain 5 after a resting 2: regress",
                        then(steadyDays(7, 5, 3), new Day(1, 2, 3, "SAME", 5, "THIGH")), "REGRESS", "worse-next-morning"),
                Arguments.of("morning BETTER but pain 8: regress",
                        then(steadyDays(7, 5, 3), new Day(1, 2, 3, "BETTER", 8, "THIGH")), "REGRESS", "worse-next-morning"),
                Arguments.of("no morning answers: no progression",
                        List.of(new Day(5, 1, 2, null, null, "THIGH"), new Day(3, 1, 2, null, null, "THIGH"),
                                new Day(1, 1, 2, null, null, "THIGH")),
                        "HOLD", "morning-check-missing"),
                Arguments.of("a 6/10 peak: regress", then(steadyDays(7, 5, 3), new Day(1, 2, 6, "SAME", 2, "THIGH")),
                        "REGRESS", "pain-above-limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void whatTheTherapistIsSuggestedAfterDaysOfSessions(String name, List<Day> days, String action, String rule) {
        String itemId = bridgePlan("MANUAL", 28, null, 16);
        Map<Day, String> ids = new LinkedHashMap<>();
        for (Day d : days) {
            ids.put(d, log(d));
        }
        for (Day d : days) {
            if (d.morning() != null) {
                morning(ids.get(d), d.morning(), d.morningPain());
            }
        }
        JsonPath s = suggestion(itemId);
        assertEquals(action, s.getString("action"), name + ": " + s.getString("reason"));
        assertEquals(rule, s.getString("rule"), name);
        // The evidence names the sessions it used, newest first.
        Day newest = days.get(days.size() - 1);
        assertEquals(ids.get(newest), s.getList("evidenceSessionIds").get(0), name);
        if (action.equals("PROGRESS")) {
            as(world.therapistA().accessToken()).header("If-Match", etag())
                    .post(plan + "/suggestions/" + itemId + "/accept").then().statusCode(200);
            // Committed: a new read sees the next dose.
            as(world.patientSession().accessToken()).get("/v1/me/plan").then().statusCode(200)
                    .body("items[0].today.dosage.reps", equalTo(12));
        }
    }

    // --- AUTO mode -------------------------------------------------------------------------

    @Test
    void autoModeNeverProgressesBeforeTheNextMorningHasAnswered() {
        String itemId = bridgePlan("AUTO", 28, Map.of("exerciseId", exerciseId("glute-bridge-with-march"), "maxValue", 14), 16);
        int revision = myPlan().getInt("revision");
        List<String> ids = new ArrayList<>();
        for (int d : new int[] {5, 3, 1}) {
            ids.add(log(Day.steady(d)));
        }
        assertEquals(revision, myPlan().getInt("revision"), "no progression in the request of the third session");
        assertEquals("morning-check-missing", suggestion(itemId).getString("rule"));
        for (String id : ids) {
            morning(id, "SAME", 1);
        }
        JsonPath now = myPlan();
        assertEquals(12, now.getInt("items[0].today.dosage.reps"), "progressed once the mornings were in");
        assertTrue(now.getInt("revision") > revision);
    }

    @Test
    void autoModeWithAPeakOf7StoresTheSessionAndStepsBackEvenAtTheEasiestStep() {
        // Bird-dog arm only is step 1 of its chain, at its starting dose: only the dose itself can step back.
        String itemId = plan("AUTO", exerciseId("bird-dog-arm-only"), Map.of("sets", 2, "reps", 10, "holdSeconds", 5),
                Map.of("field", "reps", "increment", 2, "everyDays", 7, "cap", 14, "advanceChain", true), null, 3);
        int revision = myPlan().getInt("revision");
        String id = log(new Day(1, 2, 7, null, null, "THIGH"));
        assertEquals(7, session(id).getInt("painPeak"));
        JsonPath now = myPlan();
        assertEquals(revision + 1, now.getInt("revision"), "the regression was committed");
        assertEquals(8, now.getInt("items[0].today.dosage.reps"), "10 reps stepped back to 80 %");
        assertEquals("stepped-back", now.getString("items[0].progressionHold"));
        assertTrue(alertKinds().contains("PLAN_AUTO_ADJUSTED"));
        // An identical replay is the stored session, not a second one.
        assertEquals(1, sessionCount());
        assertEquals(itemId, now.getString("items[0].id"));
    }

    @Test
    void autoModeWithAWorseMorningStoresTheCheckAndStepsBack() {
        plan("AUTO", exerciseId("bird-dog-arm-only"), Map.of("sets", 2, "reps", 10, "holdSeconds", 5), null, null, 3);
        String id = log(new Day(1, 2, 3, null, null, "THIGH"));
        int revision = myPlan().getInt("revision");
        morning(id, "WORSE", 5);
        assertEquals("WORSE", session(id).getString("morningCheck.answer"));
        JsonPath now = myPlan();
        assertEquals(revision + 1, now.getInt("revision"));
        assertEquals(8, now.getInt("items[0].today.dosage.reps"));
    }

    // --- signals that must not be hidden ---------------------------------------------------

    @Test
    void peripheralisingInABatchSentNewestFirstIsCaught() {
        String itemId = bridgePlan("MANUAL", 28, null, 10);
        JsonPath p = myPlan();
        List<Map<String, Object>> newestFirst = new ArrayList<>();
        String[] extents = {"FOOT", "BELOW_KNEE", "THIGH"};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new HashMap<>(sessionBody(p, new Day(1 + i, 1, 2, null, null, extents[i])));
            String id = UUID.randomUUID().toString();
            body.put("id", id);
            ids.add(id);
            newestFirst.add(body);
        }
        // The contract's batch item (allOf id + SessionRequest, which forbids other properties)
        // rejects every body, so the request goes unvalidated, as in SessionApiTest; the response is validated.
        sendingInvalidRequest().auth().oauth2(world.patientSession().accessToken()).body(Map.of("sessions", newestFirst))
                .post("/v1/me/sessions/batch")
                .then().statusCode(200).body("results.status", equalTo(List.of(201, 201, 201)));
        // By start time: thigh, then calf (spreading), then foot (spreading).
        assertEquals("PERIPHERALISING", session(ids.get(1)).getString("symptomChange"));
        assertEquals("PERIPHERALISING", session(ids.get(0)).getString("symptomChange"));
        assertTrue(alertKinds().contains("PERIPHERALISATION"));
        assertEquals("REGRESS", suggestion(itemId).getString("action"));
        assertEquals("symptoms-spread", suggestion(itemId).getString("rule"));
    }

    @Test
    void aRedFlagRaisesAnUrgentAlertAndADifferentOneAfterAcknowledgementAlertsAgain() {
        bridgePlan("MANUAL", 7, null, 3);
        redFlag(Map.of("footDrop", true));
        Map<String, Object> alert = openAlert("RED_FLAG");
        assertEquals("URGENT", alert.get("severity"));
        as(world.therapistA().accessToken()).post("/v1/alerts/" + alert.get("id") + "/acknowledge").then().statusCode(200);
        redFlag(Map.of("footDrop", true, "bladderOrBowelChange", true));
        Map<String, Object> again = openAlert("RED_FLAG");
        assertEquals("OPEN", again.get("status"), "a new red-flag answer is not hidden by the acknowledged alert");
        // The phone is told to stop and seek care, with the numbers to call.
        as(world.patientSession().accessToken()).get("/v1/me/today").then().statusCode(200)
                .body("mode", equalTo("STOPPED"))
                .body("stop.reason", equalTo("RED_FLAG"))
                .body("stop.actions.kind", hasItem("CALL_EMERGENCY"))
                .body("items", org.hamcrest.Matchers.empty());
        // Nothing progresses while it stands: the scheduled progression is held.
        JsonPath now = myPlan();
        assertEquals("STOPPED", now.getString("mode"));
        assertEquals("signal:red-flag-open", now.getString("items[0].progressionHold"));
        assertNull(now.get("items[0].upcoming"));
        // Sessions logged offline meanwhile still upload and are stored.
        String id = log(new Day(1, 2, 3, null, null, "THIGH"));
        assertEquals(3, session(id).getInt("painPeak"));
    }

    @Test
    void aFlareUpOnAPlanAtItsEasiestStepsIsStoredStepsTheDoseBackAndAlerts() {
        String itemId = plan("MANUAL", exerciseId("bird-dog-arm-only"), Map.of("sets", 2, "reps", 10, "holdSeconds", 5),
                null, null, 3);
        int revision = myPlan().getInt("revision");
        as(world.patientSession().accessToken()).body(Map.of("pain", 7, "symptomExtent", "BELOW_KNEE"))
                .post("/v1/me/flare-ups").then().statusCode(201);
        JsonPath now = myPlan();
        assertEquals(revision + 1, now.getInt("revision"), "stored");
        assertEquals("FLARE_UP", now.getString("mode"));
        assertEquals(8, now.getInt("items[0].today.dosage.reps"), "the dose stepped back");
        assertEquals("flare-up", now.getString("items[0].progressionHold"));
        assertTrue(alertKinds().contains("FLARE_UP"));
        // A second report meets the stored flare-up.
        as(world.patientSession().accessToken()).body(Map.of("pain", 7, "symptomExtent", "BELOW_KNEE"))
                .post("/v1/me/flare-ups").then().statusCode(409);
        // The therapist changes nothing and ends it: back to 10 reps, counted from today.
        as(world.therapistA().accessToken()).header("If-Match", etag()).body(Map.of("reason", "Settled"))
                .post(plan + "/flare-up/end").then().statusCode(200);
        JsonPath after = myPlan();
        assertEquals("NORMAL", after.getString("mode"));
        assertEquals(10, after.getInt("items[0].today.dosage.reps"));
        assertEquals(itemId, after.getString("items[0].id"));
    }

    @Test
    void endingAFlareUpKeepsWhatTheTherapistChangedDuringIt() {
        String itemId = plan("MANUAL", exerciseId("bird-dog-arm-only"), Map.of("sets", 2, "reps", 10, "holdSeconds", 5),
                null, null, 3);
        as(world.patientSession().accessToken()).body(Map.of("pain", 6, "symptomExtent", "THIGH"))
                .post("/v1/me/flare-ups").then().statusCode(201);
        as(world.therapistA().accessToken()).header("If-Match", etag())
                .body(Map.of("action", "SET_DOSAGE", "itemId", itemId, "reason", "Fewer for now",
                        "dosage", Map.of("sets", 1, "reps", 5, "holdSeconds", 5)))
                .post(plan + "/adjustments").then().statusCode(200);
        as(world.therapistA().accessToken()).header("If-Match", etag()).body(Map.of("reason", "Settled"))
                .post(plan + "/flare-up/end").then().statusCode(200);
        assertEquals(5, myPlan().getInt("items[0].today.dosage.reps"), "the therapist's change stays");
    }

    @Test
    void aSixOutOfTenPeakHoldsTheScheduledIncreases() {
        String itemId = bridgePlan("MANUAL", 7, null, 5);
        JsonPath before = myPlan();
        assertEquals(10, before.getInt("items[0].today.dosage.reps"));
        assertTrue(before.getList("items[0].upcoming") != null, "a scheduled increase is coming");
        log(new Day(1, 2, 6, null, null, "THIGH"));
        JsonPath after = myPlan();
        assertEquals("signal:pain-above-limit", after.getString("items[0].progressionHold"));
        assertNull(after.get("items[0].upcoming"), "no scheduled increase while the signal stands");
        assertEquals(10, after.getInt("items[0].today.dosage.reps"));
        as(world.therapistA().accessToken()).get(plan + "/revisions").then().statusCode(200)
                .body("items[0].createdByRole", equalTo("RULE"))
                .body("items[0].changes", hasItem(org.hamcrest.Matchers.containsString("scheduled progression held")));
        assertEquals("REGRESS", suggestion(itemId).getString("action"));
    }

    @Test
    void theCaseloadSaysASuggestionIsWaitingUntilTheTherapistDecides() {
        String itemId = bridgePlan("MANUAL", 28, null, 5);
        assertEquals(List.of(), caseloadRow().getList("attention.pendingSuggestions"));
        log(new Day(1, 2, 6, null, null, "THIGH"));
        assertEquals(List.of("REGRESS"), caseloadRow().getList("attention.pendingSuggestions"));
        as(world.therapistA().accessToken()).body(Map.of("reason", "Pain was from gardening"))
                .post(plan + "/suggestions/" + itemId + "/decline").then().statusCode(204);
        assertEquals(List.of(), caseloadRow().getList("attention.pendingSuggestions"), "declined: nothing waits");
    }

    @Test
    void sessionsDatedBeforeThePlanExistedDoNotCountTowardsIt() {
        String itemId = bridgePlan("MANUAL", 28, null, 0); // made now
        for (int d : new int[] {5, 3, 1}) {
            String id = log(Day.steady(d));
            morning(id, "SAME", 1);
        }
        assertEquals("no-sessions", suggestion(itemId).getString("rule"));
    }

    @Test
    void aMorningCheckMinutesAfterTheSessionIsRefusedAndNothingIsStored() {
        bridgePlan("MANUAL", 28, null, 3);
        OffsetDateTime start = OffsetDateTime.now(BERLIN).minusMinutes(40).withNano(0);
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = sessionBody(myPlan(), Day.steady(0));
        body.put("startedAt", RFC3339.format(start));
        body.put("endedAt", RFC3339.format(start.plusMinutes(20)));
        as(world.patientSession().accessToken()).body(body).put("/v1/me/sessions/" + id).then().statusCode(201);
        as(world.patientSession().accessToken()).body(Map.of("answer", "BETTER", "pain", 1))
                .put("/v1/me/sessions/" + id + "/morning-check").then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/morning-check-too-early"));
        assertNull(session(id).get("morningCheck"));
    }

    // --- helpers ---------------------------------------------------------------------------

    String exerciseId(String slug) {
        return Actors.exerciseId(world.therapistA(), slug);
    }

    /** The march bridge, 2 sets of 10, +2 reps every {@code everyDays} up to 14; the plan made {@code agedDays} (and one) days ago. */
    String bridgePlan(String mode, int everyDays, Map<String, Object> ceiling, int agedDays) {
        return plan(mode, exerciseId("glute-bridge-with-march"), Map.of("sets", 2, "reps", 10),
                Map.of("field", "reps", "increment", 2, "everyDays", everyDays, "cap", 14, "advanceChain", false),
                ceiling, agedDays);
    }

    String plan(String mode, String exerciseId, Map<String, Object> dosage, Map<String, Object> progression,
                Map<String, Object> ceiling, int agedDays) {
        Map<String, Object> item = new HashMap<>(Map.of("exerciseId", exerciseId, "dosage", dosage,
                "schedule", Map.of("daysOfWeek", EVERY_DAY)));
        if (progression != null) {
            item.put("progression", progression);
        }
        if (ceiling != null) {
            item.put("ceiling", ceiling);
        }
        if (agedDays > 0) {
            clock.toDaysAgo(agedDays + 1, BERLIN); // sessions are a day further back too (see sessionBody)
        }
        String itemId = as(world.therapistA().accessToken())
                .body(Map.of("reason", "Start", "adjustmentMode", mode, "items", List.of(item)))
                .put(plan).then().statusCode(201).extract().path("items[0].id");
        clock.reset();
        return itemId;
    }

    JsonPath myPlan() {
        return as(world.patientSession().accessToken()).get("/v1/me/plan").then().statusCode(200).extract().jsonPath();
    }

    String etag() {
        return as(world.therapistA().accessToken()).get(plan).then().statusCode(200).extract().header("ETag");
    }

    Map<String, Object> sessionBody(JsonPath current, Day d) {
        // One day further back than the day says: the morning after is then always past,
        // whatever the hour the tests run at (even between midnight and 04:00 in Berlin).
        OffsetDateTime start = LocalDate.now(BERLIN).minusDays(d.daysAgo() + 1L).atTime(LocalTime.of(18, 0))
                .atZone(BERLIN).toOffsetDateTime();
        return new HashMap<>(Map.of("planId", current.getString("id"), "planRevision", revisionAt(start),
                "startedAt", RFC3339.format(start), "endedAt", RFC3339.format(start.plusMinutes(20)),
                "painBefore", d.before(), "painPeak", d.peak(), "painAfter", d.before(), "difficulty", 5,
                "symptomExtent", d.extent(),
                "items", List.of(Map.of("itemId", current.getString("items[0].id"), "status", "DONE"))));
    }

    int revisionAt(OffsetDateTime start) {
        return Actors.revisionAt(world.therapistA(), plan, start);
    }

    /** Logs the day's session; 201, and the stored session reads back. */
    String log(Day d) {
        String id = UUID.randomUUID().toString();
        as(world.patientSession().accessToken()).body(sessionBody(myPlan(), d)).put("/v1/me/sessions/" + id)
                .then().statusCode(201);
        assertEquals(d.peak(), session(id).getInt("painPeak"), "stored");
        return id;
    }

    void morning(String sessionId, String answer, int pain) {
        as(world.patientSession().accessToken()).body(Map.of("answer", answer, "pain", pain))
                .put("/v1/me/sessions/" + sessionId + "/morning-check").then().statusCode(200);
        JsonPath stored = session(sessionId);
        assertEquals(answer, stored.getString("morningCheck.answer"));
        assertEquals(pain, stored.getInt("morningCheck.pain"));
    }

    /** The stored session as the care team sees it (a fresh read), or fails when it is not there. */
    JsonPath session(String id) {
        JsonPath page = as(world.therapistA().accessToken()).queryParam("limit", 100)
                .get("/v1/patients/" + world.patient().id() + "/sessions").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        int index = -1;
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(items.get(i).get("id"))) {
                index = i;
            }
        }
        assertTrue(index >= 0, "session " + id + " is stored");
        return new JsonPath(page.prettify()).setRootPath("items[" + index + "]");
    }

    int sessionCount() {
        return as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/sessions")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    JsonPath suggestion(String itemId) {
        JsonPath all = as(world.therapistA().accessToken()).get(plan + "/suggestions").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> list = all.getList("$");
        for (int i = 0; i < list.size(); i++) {
            if (itemId.equals(list.get(i).get("itemId"))) {
                return new JsonPath(all.prettify()).setRootPath("[" + i + "]");
            }
        }
        throw new AssertionError("no suggestion for item " + itemId + " in " + all.prettify());
    }

    /** The patient's row of the therapist's caseload. */
    JsonPath caseloadRow() {
        JsonPath page = as(world.therapistA().accessToken()).queryParam("limit", 100).get("/v1/caseload").then()
                .statusCode(200).extract().jsonPath();
        List<String> ids = page.getList("items.patientId");
        int index = ids.indexOf(world.patient().id().toString());
        assertTrue(index >= 0, "the patient is on the caseload");
        return new JsonPath(page.prettify()).setRootPath("items[" + index + "]");
    }

    void redFlag(Map<String, Boolean> yes) {
        Map<String, Object> answers = new HashMap<>(Map.of("saddleNumbness", false, "bladderOrBowelChange", false,
                "symptomsInBothLegs", false, "worseningLegWeakness", false, "footDrop", false));
        answers.putAll(yes);
        as(world.patientSession().accessToken()).body(answers).post("/v1/me/red-flag-checks").then().statusCode(201)
                .body("seekUrgentCare", equalTo(true));
    }

    List<String> alertKinds() {
        return as(world.therapistA().accessToken()).queryParam("patientId", world.patient().id().toString())
                .get("/v1/alerts").then().statusCode(200).extract().jsonPath().getList("items.kind");
    }

    Map<String, Object> openAlert(String kind) {
        List<Map<String, Object>> items = as(world.therapistA().accessToken())
                .queryParam("patientId", world.patient().id().toString()).get("/v1/alerts").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(a -> kind.equals(a.get("kind"))).findFirst().orElseThrow();
    }
}
