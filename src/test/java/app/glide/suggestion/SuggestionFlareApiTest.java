package app.glide.suggestion;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pain-guided suggestions (manual and AUTO), flare-ups end to end, education cards. */
@QuarkusTest
class SuggestionFlareApiTest {

    static final DateTimeFormatter RFC3339 = Actors.RFC3339;
    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    ClinicWorld world;
    String plan;
    /** Sessions go one a day, from this many days back (their next mornings are past). */
    int daysAgo = 10;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Suggestion clinic");
        plan = "/v1/patients/" + world.patient().id() + "/plan";
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String exerciseId(String slug) {
        return Actors.exerciseId(world.therapistA(), slug);
    }

    /** A plan with one item: the march bridge (chain step 2), +2 reps a week from 10 up to 14. */
    JsonPath createPlan(String mode, Map<String, Object> ceiling) {
        Map<String, Object> item = new HashMap<>(Map.of("exerciseId", exerciseId("glute-bridge-with-march"),
                "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", EVERY_DAY),
                "progression", Map.of("field", "reps", "increment", 2, "everyDays", 28, "cap", 14, "advanceChain", true)));
        if (ceiling != null) {
            item.put("ceiling", ceiling);
        }
        // Made 12 days ago, so that the sessions below (from 10 days back) count towards it.
        clock.shift(Duration.ofDays(-12));
        JsonPath created = as(world.therapistA().accessToken())
                .body(Map.of("reason", "Start", "adjustmentMode", mode, "items", List.of(item)))
                .put(plan).then().statusCode(201).extract().jsonPath();
        clock.reset();
        return created;
    }

    /**
     * Logs a session (a day after the previous one) against the current plan with the given
     * peak pain and difficulty, all done, resting pain 2; then, the next morning, answers its
     * next-morning check (same, pain 2).
     */
    String logSession(int painPeak, int difficulty) {
        JsonPath current = as(world.patientSession().accessToken()).get("/v1/me/plan").then().statusCode(200).extract().jsonPath();
        OffsetDateTime start = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(daysAgo--)
                .atTime(18, 0).atZone(ZoneId.of("Europe/Berlin")).toOffsetDateTime();
        String id = UUID.randomUUID().toString();
        int revision = Actors.revisionAt(world.therapistA(), plan, start); // what the phone had then
        as(world.patientSession().accessToken()).body(Map.of("planId", current.getString("id"),
                "planRevision", revision, "startedAt", RFC3339.format(start),
                "endedAt", RFC3339.format(start.plusMinutes(20)), "painBefore", 2, "painPeak", painPeak, "painAfter", 2,
                "difficulty", difficulty, "symptomExtent", "THIGH",
                "items", List.of(Map.of("itemId", current.getString("items[0].id"), "status", "DONE"))))
                .put("/v1/me/sessions/" + id).then().statusCode(201);
        clock.setTo(start.plusHours(14).toInstant()); // 08:00 the next morning
        as(world.patientSession().accessToken()).body(Map.of("answer", "SAME", "pain", 2))
                .put("/v1/me/sessions/" + id + "/morning-check").then().statusCode(200);
        clock.reset();
        return id;
    }

    String etag() {
        return as(world.therapistA().accessToken()).get(plan).then().statusCode(200).extract().header("ETag");
    }

    JsonPath suggestions() {
        return as(world.therapistA().accessToken()).get(plan + "/suggestions").then().statusCode(200).extract().jsonPath();
    }

    // --- manual mode --------------------------------------------------------------

    @Test
    void threeGoodSessionsSuggestProgressWhichTheTherapistAccepts() {
        String itemId = createPlan("MANUAL", null).getString("items[0].id");
        logSession(2, 5);
        logSession(3, 5);
        assertEquals("not-enough-sessions", suggestions().getString("[0].rule"));
        logSession(2, 4);
        JsonPath s = suggestions();
        assertEquals("PROGRESS", s.getString("[0].action"));
        assertEquals("ready-to-progress", s.getString("[0].rule"));
        assertEquals(3, s.getList("[0].evidence").size());
        as(world.therapistA().accessToken()).header("If-Match", etag())
                .post(plan + "/suggestions/" + itemId + "/accept").then().statusCode(200)
                .body("items[0].prescribed.dosage.reps", equalTo(12));
        as(world.therapistA().accessToken()).get(plan + "/revisions").then()
                .body("items[0].reason", containsString("ready-to-progress"))
                .body("items[0].createdBy", equalTo(world.therapistAInfo().id().toString()))
                .body("items[0].changes", hasItem(containsString("Rule ready-to-progress")));
        // The three sessions were at 10 reps: at 12 the rule starts counting again.
        assertEquals("no-sessions", suggestions().getString("[0].rule"));
    }

    @Test
    void highPainSuggestsRegressAndADeclinedSuggestionStaysDeclined() {
        String itemId = createPlan("MANUAL", null).getString("items[0].id");
        logSession(7, 6);
        assertEquals("REGRESS", suggestions().getString("[0].action"));
        as(world.therapistA().accessToken()).body(Map.of("reason", "Pain was from gardening"))
                .post(plan + "/suggestions/" + itemId + "/decline").then().statusCode(204);
        assertEquals(0, suggestions().getList("$").size());
        logSession(7, 6);
        assertEquals("REGRESS", suggestions().getString("[0].action"), "new data: suggested again");
    }

    @Test
    void noProgressWhileARedFlagIsOpen() {
        String itemId = createPlan("MANUAL", null).getString("items[0].id");
        for (int i = 0; i < 3; i++) {
            logSession(2, 5);
        }
        as(world.patientSession().accessToken()).body(Map.of("saddleNumbness", false, "bladderOrBowelChange", false,
                "symptomsInBothLegs", false, "worseningLegWeakness", true, "footDrop", false))
                .post("/v1/me/red-flag-checks").then().statusCode(201);
        assertEquals("HOLD", suggestions().getString("[0].action"));
        assertEquals("red-flag-open", suggestions().getString("[0].rule"));
        as(world.therapistA().accessToken()).header("If-Match", etag())
                .post(plan + "/suggestions/" + itemId + "/accept").then().statusCode(409)
                .body("type", equalTo("https://glide.example/problems/nothing-to-apply"));
    }

    // --- AUTO mode ----------------------------------------------------------------

    @Test
    void autoModeProgressesUpToTheCeilingOnlyAndCanBeUndone() {
        String march = exerciseId("glute-bridge-with-march");
        createPlan("AUTO", Map.of("exerciseId", march, "maxValue", 12));
        for (int i = 0; i < 3; i++) {
            logSession(2, 5);
        }
        // Applied by the rule: 10 → 12 reps, revision 2, audited as the system, care team told.
        JsonPath after = as(world.therapistA().accessToken()).get(plan).then().statusCode(200)
                .body("revision", equalTo(2)).body("items[0].prescribed.dosage.reps", equalTo(12)).extract().jsonPath();
        as(world.therapistA().accessToken()).get(plan + "/revisions").then()
                .body("items[0].createdByRole", equalTo("RULE"))
                .body("items[0].reason", containsString("Automatic (rule ready-to-progress)"));
        as(world.therapistA().accessToken()).queryParam("patientId", world.patient().id().toString()).get("/v1/alerts")
                .then().body("items.kind", hasItem("PLAN_AUTO_ADJUSTED"));
        as(world.admin().accessToken()).queryParam("entityType", "plan").get("/v1/audit-events").then()
                .body("items.find { it.actorRole == 'RULE' }.action", equalTo("revised"));
        // The rule applied it when the third session's next-morning check came in, the morning after it.
        // Three more good sessions: 14 would pass the ceiling (12), so it stays a suggestion.
        for (int i = 0; i < 3; i++) {
            logSession(2, 5);
        }
        as(world.therapistA().accessToken()).get(plan).then().body("revision", equalTo(2))
                .body("items[0].prescribed.dosage.reps", equalTo(12));
        assertEquals("PROGRESS", suggestions().getString("[0].action"));
        // Undo the automatic change.
        as(world.therapistA().accessToken()).header("If-Match", etag()).body(Map.of("reason", "Too fast for her"))
                .post(plan + "/revisions/1/restore").then().statusCode(200)
                .body("items[0].prescribed.dosage.reps", equalTo(10));
        assertTrue(after.getInt("revision") == 2);
    }

    @Test
    void autoModeRegressesAtOnceButNeverProgressesWithoutACeiling() {
        createPlan("AUTO", null);
        for (int i = 0; i < 3; i++) {
            logSession(2, 5);
        }
        as(world.therapistA().accessToken()).get(plan).then().body("revision", equalTo(1));
        logSession(8, 7);
        as(world.therapistA().accessToken()).get(plan).then().body("revision", equalTo(2))
                .body("items[0].today.exerciseId", equalTo(exerciseId("glute-bridge")));
    }

    // --- flare-ups ----------------------------------------------------------------

    @Test
    void aFlareUpFromReportToEnd() {
        createPlan("MANUAL", null);
        for (int i = 0; i < 3; i++) {
            logSession(2, 5);
        }
        String patient = world.patientSession().accessToken();
        as(patient).body(Map.of("pain", 7, "symptomExtent", "BELOW_KNEE")).post("/v1/me/flare-ups").then().statusCode(201)
                .body("active", equalTo(true))
                .body("education.slug", hasItem("calming-a-flare-up"));
        as(patient).body(Map.of("pain", 7, "symptomExtent", "BELOW_KNEE")).post("/v1/me/flare-ups").then().statusCode(409);
        // The app shows the mode, the stepped-back items and the cards.
        as(patient).get("/v1/me/plan").then().statusCode(200)
                .body("mode", equalTo("FLARE_UP"))
                .body("items[0].today.exerciseId", equalTo(exerciseId("glute-bridge")))
                .body("education.slug", hasItem("calming-a-flare-up"));
        as(patient).get("/v1/me/today").then().body("mode", equalTo("FLARE_UP"))
                .body("education.size()", greaterThanOrEqualTo(1));
        as(world.therapistA().accessToken()).queryParam("patientId", world.patient().id().toString()).get("/v1/alerts")
                .then().body("items.kind", hasItem("FLARE_UP"));
        // Good sessions during the flare never give PROGRESS.
        for (int i = 0; i < 3; i++) {
            logSession(1, 3);
        }
        assertEquals("flare-up-active", suggestions().getString("[0].rule"));
        // Too early for the patient to end it.
        as(patient).body(Map.of("pain", 2)).post("/v1/me/flare-ups/current/recovered").then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/flare-not-over"));
        // The therapist ends it: back to the plan before the flare.
        as(world.therapistA().accessToken()).header("If-Match", etag()).body(Map.of("reason", "Settled after 2 days"))
                .post(plan + "/flare-up/end").then().statusCode(200)
                .body("mode", equalTo("NORMAL"))
                .body("items[0].today.exerciseId", equalTo(exerciseId("glute-bridge-with-march")));
        as(world.therapistA().accessToken()).header("If-Match", etag()).body(Map.of("reason", "again"))
                .post(plan + "/flare-up/end").then().statusCode(409);
        // With no minimum wait, the patient ends the next one when pain is back near usual.
        as(world.admin().accessToken()).body(Map.of("painRisePoints", 2, "worseMorningsInARow", 2, "lowAdherencePercent", 50,
                "inactivityDays", 3, "redFlagMessage", "Seek care now.", "flareMinDays", 0)).put("/v1/clinic/settings")
                .then().statusCode(200);
        as(patient).body(Map.of("pain", 8, "symptomExtent", "FOOT")).post("/v1/me/flare-ups").then().statusCode(201);
        as(patient).body(Map.of("pain", 8)).post("/v1/me/flare-ups/current/recovered").then().statusCode(422);
        as(patient).body(Map.of("pain", 2)).post("/v1/me/flare-ups/current/recovered").then().statusCode(200)
                .body("active", equalTo(false));
        as(patient).get("/v1/me/plan").then().body("mode", equalTo("NORMAL"));
    }

    // --- education ----------------------------------------------------------------

    @Test
    void educationCardsAreSharedOrClinicOwnAndAttachToPlans() {
        as(world.patientSession().accessToken()).get("/v1/education-cards").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(10));
        as(world.therapistA().accessToken()).queryParam("tag", "flare-up").get("/v1/education-cards").then()
                .statusCode(200).body("tags.flatten()", hasItem("flare-up")).body("slug", hasItem("calming-a-flare-up"));
        String own = as(world.therapistA().accessToken()).body(Map.of("slug", "our-back-class", "title", "Our back class",
                "body", "Join our Tuesday class.", "tags", List.of("exercise")))
                .post("/v1/education-cards").then().statusCode(201).body("clinicOwned", equalTo(true)).extract().path("id");
        ClinicWorld other = ClinicWorld.create(data, "Card clinic");
        as(other.patientSession().accessToken()).get("/v1/education-cards/" + own).then().statusCode(404);
        as(other.therapistA().accessToken()).get("/v1/education-cards").then().body("id", not(hasItem(own)));
        // Attached to a plan, the card travels with it to the phone.
        as(world.therapistA().accessToken()).body(Map.of("reason", "Start", "educationCardIds", List.of(own),
                "items", List.of(Map.of("exerciseId", exerciseId("pelvic-tilt"), "dosage", Map.of("sets", 1, "reps", 10),
                        "schedule", Map.of("sessionsPerWeek", 3))))).put(plan).then().statusCode(201);
        as(world.patientSession().accessToken()).get("/v1/me/plan").then().body("education.id", hasItem(own));
        // Another clinic's card cannot be attached.
        as(other.therapistA().accessToken()).body(Map.of("reason", "Start", "educationCardIds", List.of(own),
                "items", List.of(Map.of("exerciseId", exerciseId("pelvic-tilt"), "dosage", Map.of("sets", 1, "reps", 10),
                        "schedule", Map.of("sessionsPerWeek", 3))))).put("/v1/patients/" + other.patient().id() + "/plan")
                .then().statusCode(422).body("type", equalTo("https://glide.example/problems/unknown-education-card"));
        as(world.patientSession().accessToken()).body(Map.of("slug", "mine", "title", "x", "body", "y"))
                .post("/v1/education-cards").then().statusCode(403);
    }

    // --- authorisation ----------------------------------------------------------------

    @Test
    void suggestionAndFlareEndpointsStayWithTheCareTeam() {
        String itemId = createPlan("MANUAL", null).getString("items[0].id");
        ClinicWorld other = ClinicWorld.create(data, "Foreign suggestion clinic");
        for (var who : List.of(world.therapistB(), other.therapistA(), other.admin())) {
            as(who.accessToken()).get(plan + "/suggestions").then().statusCode(404);
        }
        for (var who : List.of(world.therapistB(), other.therapistA())) {
            as(who.accessToken()).header("If-Match", etag()).post(plan + "/suggestions/" + itemId + "/accept").then().statusCode(404);
            as(who.accessToken()).body(Map.of()).post(plan + "/suggestions/" + itemId + "/decline").then().statusCode(404);
            as(who.accessToken()).header("If-Match", etag()).body(Map.of("reason", "x")).post(plan + "/flare-up/end").then().statusCode(404);
        }
        as(world.admin().accessToken()).get(plan + "/suggestions").then().statusCode(200);
        as(world.admin().accessToken()).header("If-Match", etag()).post(plan + "/suggestions/" + itemId + "/accept").then().statusCode(403);
        as(world.patientSession().accessToken()).get(plan + "/suggestions").then().statusCode(403);
        as(world.therapistA().accessToken()).body(Map.of("pain", 7, "symptomExtent", "FOOT")).post("/v1/me/flare-ups").then().statusCode(403);
        as(other.patientSession().accessToken()).body(Map.of("pain", 7, "symptomExtent", "FOOT")).post("/v1/me/flare-ups")
                .then().statusCode(404).body("type", equalTo("https://glide.example/problems/no-plan"));
        as(world.patientSession().accessToken()).get("/v1/me/plan").then().body("mode", equalTo("NORMAL"));
        assertTrue(suggestions().getList("$", Map.class).size() <= 1);
        as(world.therapistA().accessToken()).get(plan + "/suggestions").then().body("$", hasSize(1));
    }
}
