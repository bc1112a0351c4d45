package app.glide.outcome;

import static app.glide.outcome.QuestionnaireBodies.daysAgo;
import static app.glide.outcome.QuestionnaireBodies.odi;
import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Questionnaires through the API: each instrument submitted and scored on the server (the worked
 * examples of the scorer tests: ODI 16/50 = 32 % and 16/45 = 35.6 %, Fairbank &amp; Pynsent; RMDQ
 * yes count, Roland &amp; Morris 1983; STarT Back risk rules, Keele; PSFS mean, Stratford 1995; NPRS,
 * Childs 2005), baseline and meaningful change, late and missing answers, the refusals (nothing
 * written), and the due questionnaires of today and the plan with the plan's ETag.
 */
@QuarkusTest
class QuestionnaireApiTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Questionnaire clinic");
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    JsonPath submit(Map<String, Object> body, int status) {
        return as(phone()).body(body).put("/v1/me/questionnaire-responses/" + UUID.randomUUID()).then()
                .statusCode(status).extract().jsonPath();
    }

    long stored() {
        return ((Number) data.query("select count(*) from outcome_response where patient_id = ?",
                world.patient().id()).get(0)).longValue();
    }

    @Test
    void everyInstrumentIsScoredOnTheServer() {
        JsonPath o = submit(odi(daysAgo(1), 2, 2, 2, 2, 2, 2, 1, 1, 1, 1), 201);
        assertEquals(32.0f, o.getFloat("score"), "16 of 50");
        assertEquals("MODERATE", o.getString("band"));
        assertEquals(true, o.getBoolean("baseline"));
        assertNull(o.get("change"));

        Map<String, String> rmdq = new LinkedHashMap<>();
        for (int i = 1; i <= 24; i++) {
            rmdq.put("rmdq-" + i, i <= 12 ? "yes" : "no");
        }
        assertEquals(12.0f, submit(QuestionnaireBodies.items(RolandMorris.ID, daysAgo(1), rmdq), 201).getFloat("score"));

        // STarT Back: 4 agreements among items 5-8 and "very much" bothersome: psychosocial 5, high risk.
        JsonPath sb = submit(QuestionnaireBodies.items(StartBack.ID, daysAgo(1),
                StartBackTest.answers("DDDDAAAA", "very-much")), 201);
        assertEquals(5.0f, sb.getFloat("score"));
        assertEquals("HIGH", sb.getString("band"));
        assertEquals(5.0f, sb.getFloat("subscores.psychosocial"));

        JsonPath p = submit(QuestionnaireBodies.psfs(daysAgo(1), "Sitting", 3, "Bending", 4, "Walking", 6), 201);
        assertEquals(4.3f, p.getFloat("score"), "13 / 3 = 4.33, one decimal");
        assertEquals(3, p.getInt("answeredItems"));
        assertEquals(3, p.getList("activities").size());

        assertEquals(6.0f, submit(QuestionnaireBodies.items(Nprs.ID, daysAgo(1), Map.of("nprs-1", "6")), 201)
                .getFloat("score"));

        List<String> mine = as(phone()).get("/v1/me/questionnaire-responses").then().statusCode(200).extract()
                .jsonPath().getList("responses.instrumentId");
        assertEquals(5, mine.size());
        assertEquals(5, stored());
        JsonPath outcomes = as(world.therapistA().accessToken())
                .get("/v1/patients/" + world.patient().id() + "/outcomes").then().statusCode(200).extract().jsonPath();
        assertEquals(5, outcomes.getList("instruments").size());
    }

    @Test
    void aLaterResponseCarriesItsChangeFromTheBaseline() {
        submit(odi(daysAgo(20), 2, 2, 2, 2, 2, 2, 1, 1, 1, 1), 201);                 // 32.0
        JsonPath better = submit(odi(daysAgo(5), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 201); // 20.0
        assertEquals(false, better.getBoolean("baseline"));
        assertEquals(32.0f, better.getFloat("baselineScore.score"));
        assertEquals(-12.0f, better.getFloat("change.difference"));
        assertEquals(true, better.getBoolean("change.meaningful"));
        assertEquals("IMPROVED", better.getString("change.direction"));
        JsonPath little = submit(odi(daysAgo(1), 2, 2, 2, 2, 2, 1, 1, 1, 1, 1), 201);  // 30.0: 2 points
        assertEquals(false, little.getBoolean("change.meaningful"));

        // A response answered before the baseline, uploaded late, becomes the baseline.
        submit(odi(daysAgo(25), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3), 201);                  // 60.0
        JsonPath series = as(world.therapistA().accessToken())
                .get("/v1/patients/" + world.patient().id() + "/outcomes").then().statusCode(200).extract().jsonPath();
        assertEquals(60.0f, series.getFloat("instruments[0].baseline.score"));
        assertEquals(4, series.getList("instruments[0].points").size());
        assertEquals(-30.0f, series.getFloat("instruments[0].latest.change.difference"));
        assertEquals(true, series.getBoolean("instruments[0].latest.change.meaningful"));
        assertNull(series.get("instruments[0].points[0].change"), "the baseline has no change");
    }

    @Test
    void odiWithSectionsLeftOutAndPsfsWithThreeActivities() {
        assertEquals(35.6f, submit(odi(daysAgo(2), 2, 2, 2, 2, 2, 2, 1, 1, 2, -1), 201).getFloat("score"),
                "16 of 45");
        assertEquals(8, submit(odi(daysAgo(1), -1, 2, 2, 2, 2, 2, 2, 2, 2, -1), 201).getInt("answeredItems"));
        as(phone()).body(odi(daysAgo(1), -1, -1, 2, 2, 2, 2, 2, 2, 2, -1))
                .put("/v1/me/questionnaire-responses/" + UUID.randomUUID()).then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/too-many-items-left-out"));
        assertEquals(2, stored());
        JsonPath first = submit(QuestionnaireBodies.psfs(daysAgo(10), "Sitting", 2, "Bending", 3, "Walking", 4), 201);
        assertEquals(3.0f, first.getFloat("score"));
        JsonPath later = submit(QuestionnaireBodies.psfs(daysAgo(1), "Walking", 5, "Sitting", 5, "bending ", 5), 201);
        assertEquals(List.of("Walking", "Sitting", "bending"), List.copyOf(later.getMap("subscores").keySet()),
                "the patient's order");
        assertEquals(2.0f, later.getFloat("change.difference"));
        assertEquals(3.0f, later.getFloat("activityChanges.Sitting.difference"));
        assertEquals(true, later.getBoolean("activityChanges.Sitting.meaningful"), "3 points on one activity");
        assertEquals(false, later.getBoolean("activityChanges.bending.meaningful"), "2 points: not for one activity");
        assertEquals(true, later.getBoolean("change.meaningful"), "2 points on the mean");
        assertEquals("IMPROVED", later.getString("change.direction"));
    }

    @Test
    void refusalsAreSpecificAndWriteNothing() {
        Map<String, Object> outOfRange = odi(daysAgo(1), 6, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        Map<String, Object> unknownItem = odi(daysAgo(1), 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        Map<String, Object> wrongVersion = odi(daysAgo(1), 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        wrongVersion.put("instrumentVersion", "2");
        Map<String, Object> unknownInstrument = odi(daysAgo(1), 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        unknownInstrument.put("instrumentId", "odi-2.0");
        Map<String, Object> noActivities = QuestionnaireBodies.psfs(daysAgo(1));
        Map<String, Object> sixActivities = QuestionnaireBodies.psfs(daysAgo(1), "a", 1, "b", 1, "c", 1, "d", 1,
                "e", 1, "f", 1);
        Map<String, Object> ratedEleven = QuestionnaireBodies.psfs(daysAgo(1), "a", 11, "b", 1, "c", 1);
        Map<String, Object> future = odi(daysAgo(-1), 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        Map<Map<String, Object>, String> expected = new LinkedHashMap<>();
        expected.put(outOfRange, "answer-out-of-range");
        expected.put(unknownItem, "unknown-questionnaire-item");
        expected.put(wrongVersion, "instrument-version-mismatch");
        expected.put(unknownInstrument, "unknown-instrument");
        expected.put(noActivities, "psfs-activity-count");
        expected.put(sixActivities, "psfs-activity-count");
        expected.put(ratedEleven, "invalid-psfs-activity");
        expected.put(future, "questionnaire-time-rejected");
        expected.forEach((body, slug) -> as(phone()).body(body)
                .put("/v1/me/questionnaire-responses/" + UUID.randomUUID()).then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/" + slug)));
        assertEquals(0, stored());
        assertEquals(0L, ((Number) data.query("select count(*) from audit_event where entity_type = ? and clinic_id = ?",
                "questionnaire_response", world.clinicId()).get(0)).longValue());
    }

    @Test
    void dueQuestionnairesAppearInTodayAndThePlanUntilAnsweredAndChangeTheEtag() {
        String therapist = world.therapistA().accessToken();
        String patientPath = "/v1/patients/" + world.patient().id();
        as(therapist).body(Map.of("reason", "Start", "items", List.of(Map.of(
                "exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge"),
                "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("sessionsPerWeek", 3)))))
                .put(patientPath + "/plan").then().statusCode(201);
        String before = as(phone()).get("/v1/me/plan").then().statusCode(200).extract().header("ETag");
        assertNull(as(phone()).get("/v1/me/today").then().statusCode(200).extract().jsonPath().get("dueQuestionnaires[0]"));

        as(therapist).body(Map.of("atEvaluation", true, "everyDays", 14, "atDischarge", true))
                .put(patientPath + "/outcome-schedules/" + Oswestry.ID).then().statusCode(201)
                .body("dueSince", equalTo(QuestionnaireBodies.daysAgo(0).atZoneSameInstant(
                        ZoneId.of("Europe/Berlin")).toLocalDate().toString()));
        JsonPath today = as(phone()).get("/v1/me/today").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(Oswestry.ID), today.getList("dueQuestionnaires.instrumentId"));
        assertEquals("1", today.getString("dueQuestionnaires[0].instrumentVersion"));
        assertEquals(10, today.getList("dueQuestionnaires[0].items").size());
        assertEquals(6, today.getList("dueQuestionnaires[0].items[0].answerOptions").size());
        assertNull(today.get("dueQuestionnaires[0].items[0].text"), "ODI's wording is licensed: not shipped");
        var duePlan = as(phone()).header("If-None-Match", before).get("/v1/me/plan").then().statusCode(200).extract();
        String scheduled = duePlan.header("ETag");
        assertNotEquals(before, scheduled, "scheduling changed the due set");
        assertEquals(List.of(Oswestry.ID), duePlan.jsonPath().getList("dueQuestionnaires.instrumentId"));
        as(phone()).header("If-None-Match", scheduled).get("/v1/me/plan").then().statusCode(304);

        submit(odi(daysAgo(0).minusMinutes(1), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 201);
        var answered = as(phone()).header("If-None-Match", scheduled).get("/v1/me/plan").then().statusCode(200)
                .extract();
        assertNotEquals(scheduled, answered.header("ETag"), "the response changed the due set");
        assertNull(answered.jsonPath().get("dueQuestionnaires[0]"));
        assertNull(as(phone()).get("/v1/me/today").then().statusCode(200).extract().jsonPath()
                .get("dueQuestionnaires[0]"));
        JsonPath schedules = as(therapist).get(patientPath + "/outcome-schedules").then().statusCode(200).extract()
                .jsonPath();
        assertNull(schedules.get("schedules[0].dueSince"), "answered: due again in 14 days");
        assertEquals(14, schedules.getInt("schedules[0].everyDays"));
    }

    @Test
    void aScheduleCanBeReplacedAndDeletedButNotEmpty() {
        String therapist = world.therapistA().accessToken();
        String path = "/v1/patients/" + world.patient().id() + "/outcome-schedules/" + Nprs.ID;
        as(therapist).body(Map.of("atEvaluation", true, "atDischarge", false)).put(path).then().statusCode(201);
        as(therapist).body(Map.of("atEvaluation", false, "everyDays", 7, "atDischarge", false)).put(path).then()
                .statusCode(200).body("everyDays", equalTo(7)).body("atEvaluation", equalTo(false));
        as(therapist).body(Map.of("atEvaluation", false, "atDischarge", false)).put(path).then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/empty-schedule"));
        as(therapist).delete(path).then().statusCode(204);
        as(therapist).delete(path).then().statusCode(404);
        assertEquals(0L, ((Number) data.query("select count(*) from outcome_schedule where patient_id = ?",
                world.patient().id()).get(0)).longValue());
    }

    @Test
    void aDischargeMakesTheAtDischargeScheduleDue() {
        String therapist = world.therapistA().accessToken();
        String patientPath = "/v1/patients/" + world.patient().id();
        submit(odi(daysAgo(3), 2, 2, 2, 2, 2, 2, 1, 1, 1, 1), 201);
        as(therapist).body(Map.of("atEvaluation", true, "atDischarge", true))
                .put(patientPath + "/outcome-schedules/" + Oswestry.ID).then().statusCode(201);
        as(therapist).body(Map.of("atEvaluation", false, "everyDays", 30, "atDischarge", false))
                .put(patientPath + "/outcome-schedules/" + Nprs.ID).then().statusCode(201);
        JsonPath before = as(therapist).get(patientPath + "/outcome-schedules").then().statusCode(200).extract()
                .jsonPath();
        assertNull(before.get("schedules[0].dueSince"), "evaluation answered, no discharge yet");
        as(therapist).body(Map.of("status", "DISCHARGED")).patch(patientPath).then().statusCode(200);
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        JsonPath after = as(therapist).get(patientPath + "/outcome-schedules").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of(Nprs.ID, Oswestry.ID), after.getList("schedules.instrumentId"));
        assertNull(after.get("schedules[0].dischargeOn"), "NPRS is not scheduled at discharge");
        assertEquals(today, after.getString("schedules[1].dischargeOn"));
        assertEquals(today, after.getString("schedules[1].dueSince"));
    }

    @Test
    void aDischargeVisitMakesTheAtDischargeScheduleDueWhileThePhoneCanStillAnswer() {
        String therapist = world.therapistA().accessToken();
        String patientPath = "/v1/patients/" + world.patient().id();
        as(therapist).body(Map.of("reason", "Start", "items", List.of(Map.of(
                "exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge"),
                "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("sessionsPerWeek", 3)))))
                .put(patientPath + "/plan").then().statusCode(201);
        submit(odi(daysAgo(3), 2, 2, 2, 2, 2, 2, 1, 1, 1, 1), 201);
        as(therapist).body(Map.of("atEvaluation", true, "atDischarge", true))
                .put(patientPath + "/outcome-schedules/" + Oswestry.ID).then().statusCode(201);
        String visitDay = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).toString();
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> visit = as(therapist)
                .body(Map.of("kind", "DISCHARGE", "visitDate", visitDay)).post(patientPath + "/visits").then()
                .statusCode(201).extract();
        JsonPath after = as(therapist).get(patientPath + "/outcome-schedules").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(visitDay, after.getString("schedules[0].dischargeOn"));
        assertEquals(visitDay, after.getString("schedules[0].dueSince"));
        // The patient is still active: the phone sees the questionnaire due today.
        as(world.patientSession().accessToken()).get("/v1/me/today").then().statusCode(200)
                .body("dueQuestionnaires.instrumentId", org.hamcrest.Matchers.hasItem(Oswestry.ID));
        // Recorded as a discharge by mistake: amended to a follow-up, nothing is due for it any more.
        as(therapist).header("If-Match", visit.header("ETag"))
                .body(Map.of("kind", "FOLLOW_UP", "visitDate", visitDay, "reason", "Not a discharge: recorded by mistake"))
                .post(patientPath + "/visits/" + visit.path("id") + "/amendments").then().statusCode(200);
        JsonPath amended = as(therapist).get(patientPath + "/outcome-schedules").then().statusCode(200).extract()
                .jsonPath();
        assertNull(amended.get("schedules[0].dischargeOn"));
        assertNull(amended.get("schedules[0].dueSince"));
        as(world.patientSession().accessToken()).get("/v1/me/today").then().statusCode(200)
                .body("dueQuestionnaires.instrumentId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(Oswestry.ID)));
    }

    @Test
    void everyNDaysTheQuestionnaireIsDueAgainAndThePlanEtagSaysSo() {
        String therapist = world.therapistA().accessToken();
        String patientPath = "/v1/patients/" + world.patient().id();
        as(therapist).body(Map.of("reason", "Start", "items", List.of(Map.of(
                "exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge"),
                "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("sessionsPerWeek", 3)))))
                .put(patientPath + "/plan").then().statusCode(201);
        as(therapist).body(Map.of("atEvaluation", false, "everyDays", 7, "atDischarge", false))
                .put(patientPath + "/outcome-schedules/" + Nprs.ID).then().statusCode(201);
        submit(QuestionnaireBodies.items(Nprs.ID, daysAgo(0).minusMinutes(5), Map.of("nprs-1", "5")), 201);
        try {
            clock.toDaysAgo(-6, ZoneId.of("Europe/Berlin"));
            var sixDays = as(phone()).get("/v1/me/plan").then().statusCode(200).extract();
            assertNull(sixDays.jsonPath().get("dueQuestionnaires[0]"), "6 days after the response");
            clock.toDaysAgo(-7, ZoneId.of("Europe/Berlin"));
            var sevenDays = as(phone()).header("If-None-Match", sixDays.header("ETag")).get("/v1/me/plan").then()
                    .statusCode(200).extract();
            assertEquals(List.of(Nprs.ID), sevenDays.jsonPath().getList("dueQuestionnaires.instrumentId"));
            assertEquals(true, sevenDays.header("ETag").contains(".q-"), sevenDays.header("ETag"));
            assertEquals("Your back and leg pain right now, from 0 (no pain) to 10 (the worst pain you can imagine)",
                    sevenDays.jsonPath().getString("dueQuestionnaires[0].items[0].text"), "our own words");
        } finally {
            clock.reset();
        }
    }
}
