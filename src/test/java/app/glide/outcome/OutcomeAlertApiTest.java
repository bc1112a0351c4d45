package app.glide.outcome;

import static app.glide.outcome.QuestionnaireBodies.daysAgo;
import static app.glide.outcome.QuestionnaireBodies.odi;
import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts from outcome measures: a meaningfully worse score than the baseline raises
 * OUTCOME_WORSENED (a small change or an improvement does not); a high STarT Back risk on the first
 * response raises HIGH_RISK_START_BACK naming the suggested plan template (a later one does not).
 */
@QuarkusTest
class OutcomeAlertApiTest {

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Outcome alert clinic");
    }

    void submit(Map<String, Object> body) {
        as(world.patientSession().accessToken()).body(body).put("/v1/me/questionnaire-responses/" + UUID.randomUUID())
                .then().statusCode(201);
    }

    JsonPath alerts() {
        return as(world.therapistA().accessToken()).queryParam("patientId", world.patient().id().toString())
                .get("/v1/alerts").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aMeaningfullyWorseScoreRaisesOutcomeWorsened() {
        submit(odi(daysAgo(20), 2, 2, 2, 2, 2, 2, 1, 1, 1, 1));                 // 32.0, the baseline
        submit(odi(daysAgo(10), 2, 2, 2, 2, 2, 2, 2, 2, 1, 1));                 // 36.0: 4 points worse
        submit(odi(daysAgo(8), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));                  // 20.0: better
        assertEquals(List.of(), alerts().getList("items.kind"));
        submit(odi(daysAgo(1), 3, 3, 3, 2, 2, 2, 2, 2, 2, 2));                  // 46.0: 14 points worse
        JsonPath a = alerts();
        assertEquals(List.of("OUTCOME_WORSENED"), a.getList("items.kind"));
        assertEquals("HIGH", a.getString("items[0].severity"));
        assertEquals(14.0f, a.getFloat("items[0].details.difference"));
        assertEquals(32.0f, a.getFloat("items[0].details.baselineScore"));
        assertTrue(a.getString("items[0].message").contains("Oswestry"), a.getString("items[0].message"));

        // The caseload shows the latest ODI and its change since the baseline.
        Map<String, Object> outcomes = caseloadOutcomes();
        assertEquals(46.0f, ((Number) outcomes.get("odiLatest")).floatValue());
        assertEquals(32.0f, ((Number) outcomes.get("odiBaseline")).floatValue());
        assertEquals(14.0f, ((Number) outcomes.get("odiChange")).floatValue());
        assertEquals(true, outcomes.get("odiMeaningful"));
        assertEquals("WORSENED", outcomes.get("odiDirection"));
        assertEquals(null, outcomes.get("startBackRisk"));
    }

    @Test
    void psfsWorsensOnlyOverTheActivitiesInCommon() {
        String phone = world.patientSession().accessToken();
        submit(QuestionnaireBodies.psfs(daysAgo(20), "Sitting", 8, "Walking", 8, "Bending", 8));
        // Other activities, rated low: no change, no alert (the review of issue 14 found OUTCOME_WORSENED here).
        UUID other = UUID.randomUUID();
        JsonPath view = as(phone).body(QuestionnaireBodies.psfs(daysAgo(10), "Running", 2, "Lifting", 2, "Golf", 2))
                .put("/v1/me/questionnaire-responses/" + other).then().statusCode(201).extract().jsonPath();
        assertEquals(null, (Object) view.get("change"));
        assertEquals(Map.of(), view.getMap("activityChanges"));
        assertEquals(List.of(), alerts().getList("items.kind"));
        // Two in common fall by 3 (8.0 -> 5.0 on their mean): meaningful, worse.
        JsonPath worse = as(phone).body(QuestionnaireBodies.psfs(daysAgo(1), "sitting", 5, " Walking", 5, "Golf", 10))
                .put("/v1/me/questionnaire-responses/" + UUID.randomUUID()).then().statusCode(201).extract().jsonPath();
        assertEquals(-3.0f, worse.getFloat("change.difference"));
        assertEquals(true, worse.getBoolean("change.meaningful"));
        assertEquals(-3, worse.getInt("activityChanges.Walking.difference"));
        JsonPath raised = alerts();
        assertEquals(List.of("OUTCOME_WORSENED"), raised.getList("items.kind"));
        // The baseline's own mean (8), not the new mean (6.7) minus the shared activities' change.
        assertEquals(8.0f, raised.getFloat("items[0].details.baselineScore"));
        assertTrue(raised.getString("items[0].message").contains("over the activities named both times"),
                raised.getString("items[0].message"));
        JsonPath series = as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/outcomes")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(null, (Object) series.get("instruments[0].points[1].change"));
        assertEquals(-3.0f, series.getFloat("instruments[0].points[2].change.difference"));
    }

    Map<String, Object> caseloadOutcomes() {
        return as(world.therapistA().accessToken()).queryParam("limit", 100).get("/v1/caseload").then().statusCode(200)
                .extract().jsonPath().getMap("items.find { it.patientId == '" + world.patient().id() + "' }.outcomes");
    }

    @Test
    void aHighStartBackRiskAtEvaluationNamesTheSuggestedTemplate() {
        submit(QuestionnaireBodies.items(StartBack.ID, daysAgo(3), StartBackTest.answers("AAAAAAAA", "extremely")));
        JsonPath a = alerts();
        assertEquals(List.of("HIGH_RISK_START_BACK"), a.getList("items.kind"));
        assertEquals("acute-sciatica", a.getString("items[0].details.suggestedTemplate"));
        assertTrue(a.getString("items[0].message").contains("'acute-sciatica'"), a.getString("items[0].message"));
        // The template the alert names is one the clinic can use.
        List<String> slugs = as(world.therapistA().accessToken()).get("/v1/plan-templates").then().statusCode(200)
                .extract().jsonPath().getList("slug");
        assertTrue(slugs.contains("acute-sciatica"), slugs.toString());
        assertEquals(Map.of("startBackRisk", "HIGH"), caseloadOutcomes());
    }

    @Test
    void aHighRiskLaterThanEvaluationRaisesNothing() {
        submit(QuestionnaireBodies.items(StartBack.ID, daysAgo(10), StartBackTest.answers("DDDDDDDD", "not-at-all")));
        submit(QuestionnaireBodies.items(StartBack.ID, daysAgo(1), StartBackTest.answers("AAAAAAAA", "extremely")));
        assertEquals(List.of(), alerts().getList("items.kind"));
        assertEquals("HIGH", caseloadOutcomes().get("startBackRisk"), "the latest risk group");
    }

    @Test
    void aPatientWithoutOutcomesHasNoneInTheCaseload() {
        assertEquals(null, caseloadOutcomes());
    }
}
