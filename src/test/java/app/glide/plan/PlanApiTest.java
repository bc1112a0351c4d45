package app.glide.plan;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.db.Sql;
import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanApiTest {

    @Inject
    TestData data;

    @Inject
    SessionFactory sessions;

    @Inject
    Sql sql;

    @Inject
    PlanRevisions planRevisions;

    ClinicWorld world;
    String patientPlan;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Plan clinic");
        patientPlan = "/v1/patients/" + world.patient().id() + "/plan";
    }

    String exerciseId(String slug) {
        return as(world.therapistA().accessToken()).queryParam("q", slug).get("/v1/exercises")
                .then().statusCode(200).extract().jsonPath()
                .param("slug", slug).getString("items.find { it.slug == slug }.id");
    }

    Map<String, Object> defaultDosage(String slug) {
        return as(world.therapistA().accessToken()).get("/v1/exercises/" + exerciseId(slug))
                .then().statusCode(200).extract().jsonPath().getMap("defaultDosage");
    }

    static Map<String, Object> item(String exerciseId, Map<String, Object> dosage, Map<String, Object> schedule) {
        Map<String, Object> item = new HashMap<>();
        item.put("exerciseId", exerciseId);
        item.put("dosage", dosage);
        item.put("schedule", schedule);
        return item;
    }

    static Map<String, Object> everyDay() {
        return Map.of("daysOfWeek", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
    }

    Map<String, Object> birdDogPlan() {
        Map<String, Object> birdDog = item(exerciseId("bird-dog-arm-only"), Map.of("sets", 2, "reps", 8, "holdSeconds", 5), everyDay());
        birdDog.put("progression", Map.of("field", "reps", "increment", 2, "everyDays", 7, "cap", 12, "advanceChain", true));
        Map<String, Object> walk = item(exerciseId("walking-short-flat"), Map.of("durationMinutes", 10), Map.of("sessionsPerWeek", 5));
        return Map.of("name", "Bird-dog plan", "reason", "First plan", "items", List.of(birdDog, walk));
    }

    Response putPlan(Map<String, Object> body, String ifMatch) {
        var spec = as(world.therapistA().accessToken()).body(body);
        if (ifMatch != null) {
            spec.header("If-Match", ifMatch);
        }
        return spec.put(patientPlan);
    }

    // --- library and templates ----------------------------------------------

    @Test
    void theLibraryHoldsOrderedChainsWithPatientFacingContent() {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(world.therapistA().accessToken()).queryParam("limit", 10);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            JsonPath page = spec.get("/v1/exercises").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertTrue(all.size() >= 24, "at least 24 exercises, got " + all.size());
        as(world.therapistA().accessToken()).get("/v1/exercises/" + exerciseId("sciatic-nerve-slider-seated"))
                .then().statusCode(200)
                .body("category", equalTo("NERVE_GLIDE"))
                .body("harderSlug", equalTo("sciatic-nerve-tensioner-seated"))
                .body("instructions.size()", greaterThanOrEqualTo(3))
                .body("cautions", hasItem(Matchers.containsString("leg")));
        as(world.therapistA().accessToken()).get("/v1/exercises/" + exerciseId("prone-on-elbows"))
                .then().body("easierSlug", equalTo("prone-lying")).body("harderSlug", equalTo("prone-press-up"));
        as(world.therapistA().accessToken()).queryParam("category", "WALKING").get("/v1/exercises")
                .then().statusCode(200).body("items.category", Matchers.everyItem(equalTo("WALKING")))
                .body("items", hasSize(3));
    }

    @Test
    void clinicExercisesStayInsideTheirClinic() {
        Map<String, Object> mine = new HashMap<>(Map.of("slug", "towel-hamstring-" + System.nanoTime() % 100000,
                "name", "Towel hamstring stretch", "category", "STRETCH", "summary", "Our clinic's towel version.",
                "instructions", List.of("Lie on your back.", "Loop a towel round your foot.", "Straighten the knee gently."),
                "dosageType", "HOLD", "defaultDosage", Map.of("holdSeconds", 30, "reps", 3)));
        String id = as(world.therapistA().accessToken()).body(mine).post("/v1/exercises")
                .then().statusCode(201).body("clinicOwned", equalTo(true)).extract().path("id");
        as(world.admin().accessToken()).get("/v1/exercises/" + id).then().statusCode(200);
        ClinicWorld other = ClinicWorld.create(data, "Other plan clinic");
        as(other.therapistA().accessToken()).get("/v1/exercises/" + id).then().statusCode(404);
        as(other.therapistA().accessToken()).queryParam("q", "towel").get("/v1/exercises")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        // Using it in another clinic's plan is refused like an unknown exercise, nothing saved.
        var body = Map.of("reason", "x", "items", List.of(item(id, Map.of("holdSeconds", 30), everyDay())));
        as(other.therapistA().accessToken()).body(body).put("/v1/patients/" + other.patient().id() + "/plan")
                .then().statusCode(422).body("type", equalTo("https://glide.example/problems/unknown-exercise"))
                .body("errors[0].field", equalTo("items[0].exerciseId"));
        as(other.therapistA().accessToken()).get("/v1/patients/" + other.patient().id() + "/plan").then().statusCode(404);
        // A mismatched default dosage and a shipped chain name are refused.
        Map<String, Object> bad = new HashMap<>(mine);
        bad.put("slug", "bad-one");
        bad.put("defaultDosage", Map.of("reps", 3));
        as(world.therapistA().accessToken()).body(bad).post("/v1/exercises").then().statusCode(422);
        bad.put("defaultDosage", Map.of("holdSeconds", 3));
        bad.put("chain", "bird-dog");
        bad.put("chainStep", 4);
        as(world.therapistA().accessToken()).body(bad).post("/v1/exercises").then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/chain-reserved"));
    }

    @Test
    void aTemplateBecomesAPlanAsIs() {
        List<Map<String, Object>> templates = as(world.therapistA().accessToken()).get("/v1/plan-templates")
                .then().statusCode(200).body("slug", hasItem("acute-sciatica")).extract().jsonPath().getList("$");
        assertTrue(templates.size() >= 3);
        String id = (String) templates.stream().filter(t -> t.get("slug").equals("subacute-sciatica")).findFirst().orElseThrow().get("id");
        JsonPath template = as(world.therapistA().accessToken()).get("/v1/plan-templates/" + id)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = Map.of("name", template.getString("name"), "templateSlug", "subacute-sciatica",
                "reason", "Started from the subacute protocol", "items", template.getList("items"));
        putPlan(body, null).then().statusCode(201)
                .body("templateSlug", equalTo("subacute-sciatica"))
                .body("items", hasSize(template.getList("items").size()));
    }

    // --- plan, ETag, mobile --------------------------------------------------

    @Test
    void createReadAndServeTheMobilePlanWithEtagsAnd304() {
        String etag = putPlan(birdDogPlan(), null).then().statusCode(201)
                .header("ETag", startsWith("\""))
                .body("revision", equalTo(1))
                .body("items[0].today.dosage.reps", equalTo(8))
                .body("items[0].today.due", equalTo(true))
                .body("items[0].upcoming[0].dosage.reps", equalTo(10))
                .body("exercises.slug", hasItem("bird-dog-arm-only"))
                .extract().header("ETag");
        as(world.therapistA().accessToken()).get(patientPlan).then().statusCode(200).header("ETag", equalTo(etag));
        as(world.therapistA().accessToken()).header("If-None-Match", etag).get(patientPlan).then().statusCode(304);

        as(world.patientSession().accessToken()).get("/v1/me/plan").then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("items[0].today.exerciseId", equalTo(exerciseId("bird-dog-arm-only")))
                .body("exercises.find { it.slug == 'bird-dog-arm-only' }.instructions.size()", greaterThanOrEqualTo(3));
        as(world.patientSession().accessToken()).header("If-None-Match", etag).get("/v1/me/plan")
                .then().statusCode(304).header("ETag", equalTo(etag));
        as(world.patientSession().accessToken()).get("/v1/me/today").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].dosage.reps", equalTo(8))
                .body("items[1].flexible", equalTo(true))
                .body("items[1].exercise.slug", equalTo("walking-short-flat"));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndIfMatchStrongly() {
        putPlan(birdDogPlan(), null).then().statusCode(201);
        String token = world.patientSession().accessToken();
        String etag = as(token).get("/v1/me/plan").then().statusCode(200).extract().header("ETag");
        String other = "\"00000000-0000-4000-8000-000000000000.1.20200101\"";
        // RFC 9110 13.1.2: If-None-Match uses the weak comparison, so W/"x" matches "x".
        for (String ifNoneMatch : List.of(etag, "W/" + etag, other + ", W/" + etag, "W/" + other + ",W/" + etag, "*", " * ")) {
            as(token).header("If-None-Match", ifNoneMatch).get("/v1/me/plan").then().statusCode(304)
                    .header("ETag", equalTo(etag));
        }
        for (String ifNoneMatch : List.of(other, "W/" + other, other + ", W/" + other, "W/", "\"\"")) {
            as(token).header("If-None-Match", ifNoneMatch).get("/v1/me/plan").then().statusCode(200)
                    .header("ETag", equalTo(etag));
        }
        // If-Match keeps the strong comparison: a weak tag never matches, nothing is written.
        String therapistEtag = as(world.therapistA().accessToken()).get(patientPlan).then().statusCode(200)
                .extract().header("ETag");
        as(world.therapistA().accessToken()).header("If-Match", "W/" + therapistEtag)
                .body(Map.of("action", "PAUSE_PLAN", "reason", "Holiday"))
                .post(patientPlan + "/adjustments").then().statusCode(412)
                .body("type", equalTo("https://glide.example/problems/plan-changed"));
        as(world.therapistA().accessToken()).get(patientPlan).then().statusCode(200).body("revision", equalTo(1));
    }

    Map<String, Object> loggedSession(String planId, OffsetDateTime start, List<Map<String, Object>> items) {
        return Actors.sessionBody(planId, 1, start, 25, 3, 3, 2, 5, "THIGH", items);
    }

    @Test
    void todaySaysWhatIsDoneTodayWhatRemainsThisWeekAndWhichSessionsAwaitTheirMorningCheck() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZonedDateTime now = ZonedDateTime.now(berlin).truncatedTo(ChronoUnit.SECONDS);
        Assumptions.assumeTrue(now.getHour() >= 1, "a session 40 minutes ago must still be today");
        LocalDate today = now.toLocalDate();
        LocalDate monday = PatientCalendar.weekStart(today);
        JsonPath plan = putPlan(birdDogPlan(), null).then().statusCode(201).extract().jsonPath();
        String planId = plan.getString("id");
        String birdDog = plan.getString("items[0].id");
        String walk = plan.getString("items[1].id");
        String token = world.patientSession().accessToken();

        as(token).get("/v1/me/today").then().statusCode(200)
                .body("sessionsToday", equalTo(0))
                .body("awaitingMorningCheck", hasSize(0))
                .body("items[0].doneToday", equalTo(false))
                .body("items[0].sessionsRemainingThisWeek", Matchers.nullValue())
                .body("items[1].sessionsDoneThisWeek", equalTo(0))
                .body("items[1].sessionsRemainingThisWeek", equalTo(5));

        Map<String, Object> done = Map.of("itemId", birdDog, "status", "DONE");
        Map<String, Object> walked = Map.of("itemId", walk, "status", "PARTIAL", "durationMinutes", 5);
        Map<String, Object> noWalk = Map.of("itemId", walk, "status", "SKIPPED", "skipReason", "NO_TIME");
        UUID todays = UUID.randomUUID();
        UUID yesterdays = UUID.randomUUID();
        UUID checked = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        ZonedDateTime evening = now.toLocalDate().atTime(18, 0).atZone(berlin);
        as(token).body(loggedSession(planId, now.minusMinutes(40).toOffsetDateTime(), List.of(done, noWalk)))
                .put("/v1/me/sessions/" + todays).then().statusCode(201);
        as(token).body(loggedSession(planId, evening.minusDays(1).toOffsetDateTime(), List.of(walked)))
                .put("/v1/me/sessions/" + yesterdays).then().statusCode(201);
        as(token).body(loggedSession(planId, evening.minusDays(2).toOffsetDateTime(), List.of(done, walked)))
                .put("/v1/me/sessions/" + checked).then().statusCode(201);
        as(token).body(Map.of("answer", "SAME", "pain", 3)).put("/v1/me/sessions/" + checked + "/morning-check")
                .then().statusCode(200);
        as(token).body(loggedSession(planId, evening.minusDays(5).toOffsetDateTime(), List.of(walked)))
                .put("/v1/me/sessions/" + old).then().statusCode(201);
        int walksThisWeek = 0;
        for (int daysAgo : List.of(1, 2, 5)) {
            if (!today.minusDays(daysAgo).isBefore(monday)) {
                walksThisWeek++;
            }
        }

        long before = statements();
        as(token).get("/v1/me/today").then().statusCode(200)
                .body("date", equalTo(today.toString()))
                .body("sessionsToday", equalTo(1))
                .body("items[0].itemId", equalTo(birdDog))
                .body("items[0].doneToday", equalTo(true))
                .body("items[0].statusToday", equalTo("DONE"))
                .body("items[1].itemId", equalTo(walk))
                .body("items[1].doneToday", equalTo(false))
                .body("items[1].statusToday", equalTo("SKIPPED"))
                .body("items[1].sessionsDoneThisWeek", equalTo(walksThisWeek))
                .body("items[1].sessionsRemainingThisWeek", equalTo(5 - walksThisWeek))
                // Yesterday's session waits for its check; today's is checked tomorrow, the one 2 days ago
                // is checked, the one 5 days ago is too old.
                .body("awaitingMorningCheck.sessionId", contains(yesterdays.toString()))
                .body("awaitingMorningCheck[0].localDate", equalTo(today.minusDays(1).toString()));
        assertEquals(3, statements() - before,
                "the plan head, one statement for the sessions (revision cached), one for the visits' care instructions");
    }

    @Test
    void aPatientWithoutAPlanGetsA404Problem() {
        as(world.patientSession().accessToken()).get("/v1/me/plan").then().statusCode(404)
                .body("type", equalTo("https://glide.example/problems/no-plan"));
        as(world.patientSession().accessToken()).get("/v1/me/today").then().statusCode(404);
    }

    @Test
    void writesNeedIfMatchAndLoseNothingToAConcurrentEdit() {
        String etag = putPlan(birdDogPlan(), null).then().statusCode(201).extract().header("ETag");
        putPlan(birdDogPlan(), null).then().statusCode(428)
                .body("type", equalTo("https://glide.example/problems/precondition-required"));
        // Therapist A changes the plan; therapist B (added to the team) still holds the old ETag.
        as(world.therapistA().accessToken()).put("/v1/patients/" + world.patient().id() + "/care-team/"
                + world.therapistBInfo().id()).then().statusCode(200);
        String itemId = as(world.therapistA().accessToken()).get(patientPlan).then().extract().path("items[0].id");
        String newEtag = as(world.therapistA().accessToken()).header("If-Match", etag)
                .body(Map.of("action", "PROGRESS", "itemId", itemId, "reason", "Easy last week"))
                .post(patientPlan + "/adjustments").then().statusCode(200)
                .body("revision", equalTo(2)).extract().header("ETag");
        assertNotEquals(etag, newEtag);
        as(world.therapistB().accessToken()).header("If-Match", etag)
                .body(Map.of("action", "SCALE_PLAN", "scalePercent", 70, "reason", "Flare"))
                .post(patientPlan + "/adjustments").then().statusCode(412)
                .body("type", equalTo("https://glide.example/problems/plan-changed"));
        as(world.therapistB().accessToken()).get(patientPlan).then().body("revision", equalTo(2))
                .body("scalePercent", equalTo(100));
    }

    @Test
    void adjustmentsMakeRevisionsThatCanBeRestored() {
        String etag = putPlan(birdDogPlan(), null).then().statusCode(201).extract().header("ETag");
        String itemId = as(world.therapistA().accessToken()).get(patientPlan).then().extract().path("items[0].id");
        etag = as(world.therapistA().accessToken()).header("If-Match", etag)
                .body(Map.of("action", "PROGRESS", "itemId", itemId, "reason", "Easy"))
                .post(patientPlan + "/adjustments").then().statusCode(200)
                .body("items[0].today.dosage.reps", equalTo(10)).extract().header("ETag");
        etag = as(world.therapistA().accessToken()).header("If-Match", etag)
                .body(Map.of("action", "SCALE_PLAN", "scalePercent", 50, "reason", "Flare-up"))
                .post(patientPlan + "/adjustments").then().statusCode(200)
                .body("items[0].today.dosage.reps", equalTo(5))
                .body("items[0].prescribed.dosage.reps", equalTo(10)).extract().header("ETag");
        as(world.therapistA().accessToken()).get(patientPlan + "/revisions").then().statusCode(200)
                .body("items.revision", contains(3, 2, 1))
                .body("items[0].reason", equalTo("Flare-up"))
                .body("items[0].createdBy", equalTo(world.therapistAInfo().id().toString()))
                .body("items[0].changes[0]", equalTo("Whole plan scaled from 100 % to 50 %"))
                .body("items[1].changes[0]", equalTo("Bird-dog: arm only: 2 sets, 8 reps, 5 s hold → 2 sets, 10 reps, 5 s hold"));
        as(world.therapistA().accessToken()).header("If-Match", etag).body(Map.of("reason", "Undo both"))
                .post(patientPlan + "/revisions/1/restore").then().statusCode(200)
                .body("revision", equalTo(4))
                .body("scalePercent", equalTo(100))
                .body("items[0].today.dosage.reps", equalTo(8));
        as(world.therapistA().accessToken()).queryParam("limit", 1).get(patientPlan + "/revisions").then()
                .body("items[0].kind", equalTo("RESTORED")).body("nextCursor", notNullValue());
        as(world.admin().accessToken()).queryParam("entityType", "plan").get("/v1/audit-events").then()
                .statusCode(200).body("items.action", hasItem("revised"));
    }

    @Test
    void progressingPastTheHardestStepIsA422() {
        Map<String, Object> press = item(exerciseId("standing-back-extension"), defaultDosage("standing-back-extension"), everyDay());
        String etag = putPlan(Map.of("reason", "x", "items", List.of(press)), null).then().statusCode(201).extract().header("ETag");
        String itemId = as(world.therapistA().accessToken()).get(patientPlan).then().extract().path("items[0].id");
        as(world.therapistA().accessToken()).header("If-Match", etag)
                .body(Map.of("action", "PROGRESS", "itemId", itemId, "reason", "x"))
                .post(patientPlan + "/adjustments").then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/adjustment-refused"));
    }

    @Test
    void endingAPlanKeepsItAndAllowsANewOne() {
        String etag = putPlan(birdDogPlan(), null).then().statusCode(201).extract().header("ETag");
        as(world.therapistA().accessToken()).header("If-Match", etag).body(Map.of("reason", "New block"))
                .post(patientPlan + "/end").then().statusCode(204);
        as(world.patientSession().accessToken()).get("/v1/me/plan").then().statusCode(404);
        putPlan(birdDogPlan(), null).then().statusCode(201).body("revision", equalTo(1));
        as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/plans").then()
                .statusCode(200).body("status", contains("ACTIVE", "ENDED"));
    }

    // --- bad input: specific problems, nothing saved ------------------------------

    @Test
    void everyBadInputIsASpecificProblemAndNothingIsSaved() {
        String birdDog = exerciseId("bird-dog-arm-only");
        String hold = exerciseId("prone-on-elbows");
        List<Object[]> cases = List.of(
                new Object[] {item(birdDog, Map.of("reps", 0, "holdSeconds", 5), everyDay()), 400, "items[0].dosage.reps"},
                new Object[] {item(birdDog, Map.of("reps", 101, "holdSeconds", 5), everyDay()), 400, "items[0].dosage.reps"},
                new Object[] {item(birdDog, Map.of("reps", -3, "holdSeconds", 5), everyDay()), 400, "items[0].dosage.reps"},
                new Object[] {item(hold, Map.of("holdSeconds", 601), everyDay()), 400, "items[0].dosage.holdSeconds"},
                new Object[] {item(birdDog, Map.of("reps", 8, "holdSeconds", 5, "sets", -1), everyDay()), 400, "items[0].dosage.sets"},
                new Object[] {item(birdDog, Map.of("reps", 8, "holdSeconds", 5), Map.of()), 400, "items[0].schedule"},
                new Object[] {item(birdDog, Map.of("reps", 8, "holdSeconds", 5), Map.of("daysOfWeek", List.of("MONDAY"), "sessionsPerWeek", 2)), 400, "items[0].schedule"},
                new Object[] {item(birdDog, Map.of("reps", 8, "holdSeconds", 5), Map.of("daysOfWeek", List.of())), 400, "items[0].schedule.daysOfWeek"},
                new Object[] {item(birdDog, Map.of("reps", 8, "holdSeconds", 5), Map.of("daysOfWeek", List.of("MONDAY", "MONDAY"))), 400, "items[0].schedule.daysOfWeek"},
                new Object[] {item(birdDog, Map.of("reps", 8, "holdSeconds", 5), Map.of("daysOfWeek", List.of("FUNDAY"))), 400, "items[0].schedule.daysOfWeek[0]"},
                new Object[] {item(birdDog, Map.of("reps", 8, "holdSeconds", 5), Map.of("sessionsPerWeek", 15)), 400, "items[0].schedule.sessionsPerWeek"},
                new Object[] {item("5d0f0000-0000-4000-8000-000000000000", Map.of("reps", 8), everyDay()), 422, "items[0].exerciseId"},
                new Object[] {item(birdDog, Map.of("reps", 8), everyDay()), 422, "items[0].dosage"});
        for (Object[] c : cases) {
            sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken())
                    .body(Map.of("reason", "bad", "items", List.of(c[0])))
                    .put(patientPlan).then()
                    .statusCode((int) c[1])
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem((String) c[2]));
        }
        Map<String, Object> progression = item(birdDog, Map.of("reps", 8, "holdSeconds", 5), everyDay());
        progression.put("progression", Map.of("field", "reps", "increment", 2, "everyDays", 7, "cap", 8));
        putPlan(Map.of("reason", "bad", "items", List.of(progression)), null).then().statusCode(400)
                .body("errors.field", hasItem("items[0].progression.cap"));
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(item(birdDog, Map.of("reps", 8, "holdSeconds", 5), everyDay()));
        }
        sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken())
                .body(Map.of("reason", "too many", "items", tooMany)).put(patientPlan)
                .then().statusCode(400).body("errors.field", hasItem("items"));
        // One good item and one bad: nothing at all is saved.
        putPlan(Map.of("reason", "mixed", "items", List.of(item(birdDog, Map.of("reps", 8, "holdSeconds", 5), everyDay()),
                item(hold, Map.of("reps", 8), everyDay()))), null).then().statusCode(422);
        as(world.therapistA().accessToken()).get(patientPlan).then().statusCode(404);
        assertEquals(0L, ((Number) data.query("select count(*) from plan where patient_id = ?1", world.patient().id()).get(0)).longValue());
    }

    // --- authorisation on every plan endpoint ------------------------------------

    @Test
    void onlyTheCareTeamWritesAdminsReadOthersSeeNothing() {
        String etag = putPlan(birdDogPlan(), null).then().statusCode(201).extract().header("ETag");
        ClinicWorld other = ClinicWorld.create(data, "Foreign plan clinic");
        String adjust = patientPlan + "/adjustments";
        Map<String, Object> scale = Map.of("action", "SCALE_PLAN", "scalePercent", 80, "reason", "x");
        for (var who : List.of(world.therapistB(), other.therapistA(), other.admin())) {
            as(who.accessToken()).get(patientPlan).then().statusCode(404);
            as(who.accessToken()).get(patientPlan + "/revisions").then().statusCode(404);
            as(who.accessToken()).get("/v1/patients/" + world.patient().id() + "/plans").then().statusCode(404);
        }
        for (var who : List.of(world.therapistB(), other.therapistA())) {
            as(who.accessToken()).header("If-Match", etag).body(scale).post(adjust).then().statusCode(404);
            as(who.accessToken()).header("If-Match", etag).body(birdDogPlan()).put(patientPlan).then().statusCode(404);
            as(who.accessToken()).header("If-Match", etag).body(Map.of("reason", "x"))
                    .post(patientPlan + "/revisions/1/restore").then().statusCode(404);
            as(who.accessToken()).header("If-Match", etag).body(Map.of("reason", "x"))
                    .post(patientPlan + "/end").then().statusCode(404);
        }
        // The clinic admin reads but does not prescribe.
        as(world.admin().accessToken()).get(patientPlan).then().statusCode(200);
        as(world.admin().accessToken()).header("If-Match", etag).body(scale).post(adjust).then().statusCode(403);
        as(world.admin().accessToken()).header("If-Match", etag).body(birdDogPlan()).put(patientPlan).then().statusCode(403);
        // Patients use /v1/me, never the therapist paths; staff never /v1/me/plan.
        as(world.patientSession().accessToken()).get(patientPlan).then().statusCode(403);
        as(world.patientSession().accessToken()).get("/v1/exercises").then().statusCode(403);
        as(world.patientSession().accessToken()).get("/v1/plan-templates").then().statusCode(403);
        as(world.therapistA().accessToken()).get("/v1/me/plan").then().statusCode(403);
        as(world.therapistA().accessToken()).get("/v1/me/today").then().statusCode(403);
        // Another patient sees only their own (absent) plan.
        as(other.patientSession().accessToken()).get("/v1/me/plan").then().statusCode(404);
    }

    // --- the hot path -----------------------------------------------------------

    @Test
    void theMobilePlanCostsAFixedSmallNumberOfStatementsAnd304LoadsNoItems() {
        Map<String, Object> big = new HashMap<>(birdDogPlan());
        List<Object> items = new ArrayList<>();
        for (String slug : List.of("bird-dog-arm-only", "glute-bridge", "clamshell", "pelvic-tilt", "cat-camel",
                "dead-bug-heel-taps", "prone-press-up", "abdominal-bracing")) {
            Map<String, Object> dosage = new HashMap<>(defaultDosage(slug));
            Map<String, Object> i = item(exerciseId(slug), dosage, everyDay());
            if (dosage.get("reps") instanceof Integer reps && reps < 14) {
                i.put("progression", Map.of("field", "reps", "increment", 2, "everyDays", 7, "cap", 14, "advanceChain", true));
            }
            items.add(i);
        }
        big.put("items", items);
        String etag = putPlan(big, null).then().statusCode(201).extract().header("ETag");
        String token = world.patientSession().accessToken();
        as(token).get("/v1/me/plan").then().statusCode(200); // warm the reference-data cache

        long before = statements();
        as(token).get("/v1/me/plan").then().statusCode(200).body("items", hasSize(8));
        long full = statements() - before;
        before = statements();
        as(token).header("If-None-Match", etag).get("/v1/me/plan").then().statusCode(304);
        long notModified = statements() - before;
        assertEquals(1, full, "the plan with 8 items, its exercises and its ETag in one statement (revision cached)");
        assertEquals(1, notModified, "304 must only read the plan head");
        // An instance that has not seen the revision yet reads it once.
        planRevisions.clear();
        before = statements();
        as(token).get("/v1/me/plan").then().statusCode(200).body("items", hasSize(8));
        assertEquals(2, statements() - before, "head, then the revision once");
        before = statements();
        as(token).get("/v1/me/plan").then().statusCode(200);
        assertEquals(1, statements() - before, "the revision is cached from then on");
    }

    @Test
    void aRevisionWrittenByATransactionThatRolledBackIsNeverServed() {
        String etag = putPlan(birdDogPlan(), null).then().statusCode(201).extract().header("ETag");
        String token = world.patientSession().accessToken();
        UUID planId = UUID.fromString(as(token).get("/v1/me/plan").then().statusCode(200).extract().path("id"));
        // A transaction writes revision 2, reads the plan's history (so it parses revision 2) and rolls back.
        QuarkusTransaction.begin();
        try {
            Panache.getEntityManager().createNativeQuery("""
                    insert into plan_revision (plan_id, revision, created_at, created_by, created_by_role, kind, reason,
                        effective_on, changes, content)
                    select plan_id, 2, now(), created_by, created_by_role, 'REPLACED', 'never committed', effective_on,
                        changes, jsonb_set(content, '{name}', '"Never committed"')
                    from plan_revision where plan_id = ?1 and revision = 1""").setParameter(1, planId).executeUpdate();
            assertEquals("Never committed", planRevisions.history(planId, 2).get(1).content().name());
        } finally {
            QuarkusTransaction.rollback();
        }
        // The real revision 2 is what everyone gets.
        Map<String, Object> renamed = new HashMap<>(birdDogPlan());
        renamed.put("name", "Committed plan");
        putPlan(renamed, etag).then().statusCode(200);
        as(token).get("/v1/me/plan").then().statusCode(200).body("revision", equalTo(2)).body("name", equalTo("Committed plan"));
        assertEquals("Committed plan", planRevisions.history(planId, 2).get(1).content().name());
    }

    private long statements() {
        return sessions.getStatistics().getPrepareStatementCount() + sql.executed();
    }
}
