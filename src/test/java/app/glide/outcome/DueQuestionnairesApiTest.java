package app.glide.outcome;

import static app.glide.outcome.QuestionnaireBodies.daysAgo;
import static app.glide.outcome.QuestionnaireBodies.odi;
import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.testing.Actors;
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
 * GET /v1/me/questionnaires/due: the due questionnaires without needing a plan (a questionnaire
 * due at evaluation is answered before the first plan exists), the same list as today's, in the
 * caller's language; patients only.
 */
@QuarkusTest
class DueQuestionnairesApiTest {

    static final String DUE = "/v1/me/questionnaires/due";

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Due questionnaire clinic");
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    String patientPath() {
        return "/v1/patients/" + world.patient().id();
    }

    void schedule(String instrumentId) {
        as(world.therapistA().accessToken()).body(Map.of("atEvaluation", true, "atDischarge", false))
                .put(patientPath() + "/outcome-schedules/" + instrumentId).then().statusCode(201);
    }

    @Test
    void dueAtEvaluationIsListedWithoutAPlanUntilAnswered() {
        as(phone()).get("/v1/me/plan").then().statusCode(404);
        assertEquals(List.of(), as(phone()).get(DUE).then().statusCode(200).extract().jsonPath().getList("items"));

        schedule(Oswestry.ID);
        schedule(Nprs.ID);
        JsonPath due = as(phone()).header("Accept-Language", "de").get(DUE).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(Nprs.ID, Oswestry.ID), due.getList("items.instrumentId"));
        assertEquals("1", due.getString("items[1].instrumentVersion"));
        assertEquals(10, due.getList("items[1].items").size());
        assertNull(due.get("items[1].items[0].text"), "ODI's wording is licensed: not shipped");
        assertEquals(true, due.getString("items[0].items[0].text").startsWith("Ihre Rücken"), "our German NPRS text");

        as(phone()).body(odi(daysAgo(0).minusMinutes(1), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
                .put("/v1/me/questionnaire-responses/" + UUID.randomUUID()).then().statusCode(201);
        assertEquals(List.of(Nprs.ID), as(phone()).get(DUE).then().statusCode(200).extract().jsonPath()
                .getList("items.instrumentId"));
    }

    @Test
    void theListIsTodaysWhenThereIsAPlan() {
        as(world.therapistA().accessToken()).body(Map.of("reason", "Start", "items", List.of(Map.of(
                "exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge"),
                "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("sessionsPerWeek", 3)))))
                .put(patientPath() + "/plan").then().statusCode(201);
        schedule(Oswestry.ID);
        List<Object> today = as(phone()).get("/v1/me/today").then().statusCode(200).extract().jsonPath()
                .getList("dueQuestionnaires");
        List<Object> due = as(phone()).get(DUE).then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, due.size());
        assertEquals(today, due);
    }

    @Test
    void patientsOnly() {
        schedule(Oswestry.ID);
        as(world.therapistA().accessToken()).get(DUE).then().statusCode(403);
        as(world.admin().accessToken()).get(DUE).then().statusCode(403);
        api().get(DUE).then().statusCode(401);
        // Another clinic's patient sees their own (empty) list, never this patient's.
        ClinicWorld other = ClinicWorld.create(data, "Other due questionnaire clinic");
        assertEquals(List.of(), as(other.patientSession().accessToken()).get(DUE).then().statusCode(200).extract()
                .jsonPath().getList("items"));
    }
}
