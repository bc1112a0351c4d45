package app.glide.suggestion;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The expected-soreness window end to end (issue 14, item 3): a visit with dry needling is
 * recorded through the API, sessions are logged (some uploaded late, out of order), and the
 * care team's alerts, the suggestions and the AUTO plan show the window both ways — inside it
 * no rising-pain alert, no step back and no progression, with the suggestion naming the window;
 * outside it everything as before; red flags always.
 */
@QuarkusTest
class SorenessWindowApiTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    ClinicWorld world;
    String plan;
    LocalDate today;
    /** When set, the clinical clock stands here between steps (else it is real time). */
    Instant base;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Soreness clinic");
        plan = "/v1/patients/" + world.patient().id() + "/plan";
        today = LocalDate.now(BERLIN);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String therapist() {
        return world.therapistA().accessToken();
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    /** One item (march bridge, 2 × 10, +2 reps every 28 days up to 14), made 16 days ago. */
    void createPlan(String mode) {
        Map<String, Object> item = new HashMap<>(Map.of(
                "exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge-with-march"),
                "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", EVERY_DAY),
                "progression", Map.of("field", "reps", "increment", 2, "everyDays", 28, "cap", 14),
                "ceiling", Map.of("exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge-with-march"),
                        "maxValue", 14)));
        clock.shift(Duration.ofDays(-16));
        as(therapist()).body(Map.of("reason", "Start", "adjustmentMode", mode, "items", List.of(item)))
                .put(plan).then().statusCode(201);
        backToBase();
    }

    /** Dry needling at 09:00 on the given day (the clinic's window: 48 hours). */
    String needlingVisit(LocalDate day) {
        return needlingVisit(day.atTime(9, 0).atZone(BERLIN).toOffsetDateTime());
    }

    String needlingVisit(OffsetDateTime at) {
        Map<String, Object> needling = Map.of("type", "DRY_NEEDLING", "givenAt", Actors.RFC3339.format(at),
                "dryNeedling", Map.of("muscles", List.of("Piriformis"), "side", "LEFT", "consentRecorded", true));
        return as(therapist()).body(Map.of("kind", "FOLLOW_UP", "visitDate", at.atZoneSameInstant(BERLIN).toLocalDate()
                        .toString(), "interventions", List.of(needling)))
                .post("/v1/patients/" + world.patient().id() + "/visits").then().statusCode(201)
                .extract().path("id");
    }

    /** An hour ago: the window is open now, whatever the time of day the test runs. */
    String needlingAnHourAgo() {
        return needlingVisit(OffsetDateTime.now(BERLIN).minusHours(1));
    }

    /** A session at 18:00 on the given day, all done; the next-morning check (same) at 08:00 the day after. */
    String session(LocalDate day, int painBefore, int painPeak) {
        return session(day, painBefore, painPeak, day.plusDays(1).atTime(8, 0).atZone(BERLIN).toInstant());
    }

    /** As above, the next-morning check answered at {@code morningAt} (none when that is not past). */
    String session(LocalDate day, int painBefore, int painPeak, Instant morningAt) {
        return session(day.atTime(18, 0).atZone(BERLIN).toOffsetDateTime(), painBefore, painPeak, morningAt);
    }

    /** A session starting at {@code start}, without a next-morning check. */
    String session(OffsetDateTime start, int painBefore, int painPeak) {
        return session(start, painBefore, painPeak, Instant.MAX);
    }

    String session(OffsetDateTime start, int painBefore, int painPeak, Instant morningAt) {
        JsonPath current = as(phone()).get("/v1/me/plan").then().statusCode(200).extract().jsonPath();
        String id = UUID.randomUUID().toString();
        as(phone()).body(Map.of("planId", current.getString("id"),
                        "planRevision", Actors.revisionAt(world.therapistA(), plan, start),
                        "startedAt", Actors.RFC3339.format(start), "endedAt", Actors.RFC3339.format(start.plusMinutes(20)),
                        "painBefore", painBefore, "painPeak", painPeak, "painAfter", painBefore, "difficulty", 4,
                        "symptomExtent", "THIGH",
                        "items", List.of(Map.of("itemId", current.getString("items[0].id"), "status", "DONE"))))
                .put("/v1/me/sessions/" + id).then().statusCode(201);
        Instant now = base == null ? Instant.now() : base;
        if (!morningAt.isAfter(now)) {
            clock.setTo(morningAt);
            as(phone()).body(Map.of("answer", "SAME", "pain", painBefore))
                    .put("/v1/me/sessions/" + id + "/morning-check").then().statusCode(200);
            backToBase();
        }
        return id;
    }

    /** The test's "now": real time, or {@link #base} when a test fixes it. */
    void backToBase() {
        if (base == null) {
            clock.reset();
        } else {
            clock.setTo(base);
        }
    }

    List<String> alertKinds() {
        return as(therapist()).queryParam("patientId", world.patient().id().toString()).get("/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items.kind");
    }

    JsonPath suggestion() {
        return as(therapist()).get(plan + "/suggestions").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void risingPainInsideTheWindowRaisesNoAlertAndOutsideItDoes() {
        createPlan("MANUAL");
        // First week: resting pain 2 (the baseline).
        for (int d = 14; d >= 12; d--) {
            session(today.minusDays(d), 2, 3);
        }
        needlingVisit(today.minusDays(3));
        // Sore after the needling, resting pain 7: inside the window, no PAIN_RISING.
        session(today.minusDays(3), 7, 5);
        session(today.minusDays(2), 7, 5);
        assertFalse(alertKinds().contains("PAIN_RISING"), alertKinds().toString());
        // The window ended at 09:00 yesterday. Resting pain 3 at 18:00: the 7 days average 5.7 with
        // the sore days, 3 without them: no alert for soreness that has passed.
        session(today.minusDays(1), 3, 4);
        assertFalse(alertKinds().contains("PAIN_RISING"), alertKinds().toString());
        // 6 at 21:00, outside the window: 4.5 without the sore days, 2.5 above the baseline: rising pain, as before.
        session(today.minusDays(1).atTime(21, 0).atZone(BERLIN).toOffsetDateTime(), 6, 5);
        JsonPath alert = as(therapist()).queryParam("patientId", world.patient().id().toString()).get("/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("PAIN_RISING"), alert.getList("items.kind"));
        assertTrue(alert.getString("items[0].message").contains("averages 4.5"), alert.getString("items[0].message"));
    }

    @Test
    void autoModeDoesNotStepBackForSorenessInsideTheWindowButDoesOutsideIt() {
        createPlan("AUTO");
        needlingVisit(today.minusDays(6));
        // Peak 7 the evening after the needling (limit 5): expected soreness, no step back; the
        // scheduled progression is held instead.
        session(today.minusDays(6), 2, 7);
        as(therapist()).get(plan).then().body("items[0].prescribed.dosage.reps", equalTo(10));
        JsonPath s = suggestion();
        assertEquals("HOLD", s.getString("[0].action"));
        assertEquals(SuggestionRules.EXPECTED_SORENESS, s.getString("[0].rule"));
        assertTrue(s.getString("[0].reason").contains("expected-soreness window after dry needling"), s.getString("[0].reason"));
        List<String> reasons = as(therapist()).get(plan + "/revisions").then().statusCode(200).extract().jsonPath()
                .getList("items.reason");
        assertTrue(reasons.stream().noneMatch(r -> r.startsWith("Automatic (rule")), reasons.toString());
        assertTrue(reasons.get(0).contains("scheduled progression held"), reasons.toString());
        assertFalse(alertKinds().contains("PLAN_AUTO_ADJUSTED"));
        // Three days later, outside the window, the same peak steps the plan back at once.
        session(today.minusDays(3), 2, 7);
        as(therapist()).get(plan).then().body("items[0].prescribed.exerciseId",
                not(equalTo(Actors.exerciseId(world.therapistA(), "glute-bridge-with-march"))));
        as(therapist()).get(plan + "/revisions").then()
                .body("items[0].reason", containsString("Automatic (rule pain-above-limit)"));
        assertTrue(alertKinds().contains("PLAN_AUTO_ADJUSTED"));
    }

    @Test
    void nothingProgressesWhileTheWindowIsOpen() {
        // Today at noon, needled at 11:00; three good sessions before it, the last one's
        // next-morning check answered at noon, inside the window: AUTO would progress (ceiling 14).
        base = today.atTime(12, 0).atZone(BERLIN).toInstant();
        clock.setTo(base);
        createPlan("AUTO");
        needlingVisit(today.atTime(11, 0).atZone(BERLIN).toOffsetDateTime());
        // The visit itself held the item's scheduled progression, before any session.
        as(therapist()).get(plan + "/revisions").then().body("items[0].createdByRole", equalTo("RULE"))
                .body("items[0].changes[0]", containsString("scheduled progression held (rule expected-soreness-window)"));
        session(today.minusDays(3), 1, 2);
        session(today.minusDays(2), 1, 2);
        session(today.minusDays(1), 1, 2, base);
        JsonPath s = suggestion();
        assertEquals(SuggestionRules.SORENESS_WINDOW_OPEN, s.getString("[0].rule"));
        assertTrue(s.getString("[0].reason").contains("no progression until it closes"), s.getString("[0].reason"));
        as(therapist()).get(plan).then().body("items[0].prescribed.dosage.reps", equalTo(10));
        assertFalse(alertKinds().contains("PLAN_AUTO_ADJUSTED"));
        // Once the window has closed (11:00 the day after tomorrow), the same evidence is ready to progress.
        clock.setTo(base.plus(Duration.ofHours(46)));
        assertEquals(SuggestionRules.SORENESS_WINDOW_OPEN, suggestion().getString("[0].rule"));
        clock.setTo(base.plus(Duration.ofHours(47)));
        assertEquals("ready-to-progress", suggestion().getString("[0].rule"));
    }

    @Test
    void redFlagsAreNeverSuppressedInsideTheWindow() {
        createPlan("MANUAL");
        needlingAnHourAgo();
        as(phone()).body(Map.of("saddleNumbness", false, "bladderOrBowelChange", true, "symptomsInBothLegs", false,
                "worseningLegWeakness", false, "footDrop", false)).post("/v1/me/red-flag-checks").then().statusCode(201);
        assertTrue(alertKinds().contains("RED_FLAG"), alertKinds().toString());
        assertEquals("red-flag-open", suggestion().getString("[0].rule"));
    }
}
