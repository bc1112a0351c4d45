package app.glide.outcome;

import static app.glide.outcome.QuestionnaireBodies.daysAgo;
import static app.glide.outcome.QuestionnaireBodies.odi;
import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may use the outcome endpoints: the care team (and for reads the clinic's admin) on a
 * patient's paths, the patient on their own; another clinic's staff and a therapist not on the
 * care team get 404, the wrong role 403, no token 401. Nothing is written by a refused request.
 */
@QuarkusTest
class OutcomeAccessApiTest {

    static final Map<String, Object> SCHEDULE = Map.of("atEvaluation", true, "atDischarge", false);

    @Inject
    TestData data;

    ClinicWorld world;
    ClinicWorld other;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Outcome access clinic");
        other = ClinicWorld.create(data, "Outcome other clinic");
    }

    String patientPath() {
        return "/v1/patients/" + world.patient().id();
    }

    long schedules() {
        return ((Number) data.query("select count(*) from outcome_schedule where patient_id = ?",
                world.patient().id()).get(0)).longValue();
    }

    @Test
    void schedulesAreTheCareTeamsToChange() {
        String path = patientPath() + "/outcome-schedules/" + Oswestry.ID;
        for (var who : List.of(world.therapistB(), other.therapistA())) {
            as(who.accessToken()).body(SCHEDULE).put(path).then().statusCode(404);
            as(who.accessToken()).delete(path).then().statusCode(404);
        }
        as(world.admin().accessToken()).body(SCHEDULE).put(path).then().statusCode(403);
        as(world.patientSession().accessToken()).body(SCHEDULE).put(path).then().statusCode(403);
        api().body(SCHEDULE).contentType("application/json").put(path).then().statusCode(401);
        assertEquals(0, schedules());
        sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken()).contentType("application/json")
                .body(SCHEDULE).put(patientPath() + "/outcome-schedules/odi-9").then().statusCode(404);
        sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken()).contentType("application/json")
                .body(Map.of("atEvaluation", true, "everyDays", 3, "atDischarge", false)).put(path).then()
                .statusCode(400).body("errors[0].field", equalTo("everyDays"));
        assertEquals(0, schedules());

        as(world.therapistA().accessToken()).body(SCHEDULE).put(path).then().statusCode(201);
        as(world.admin().accessToken()).delete(path).then().statusCode(403);
        api().delete(path).then().statusCode(401);
        assertEquals(1, schedules());
    }

    @Test
    void schedulesAndOutcomesAreReadByTheCareTeamAndTheAdmin() {
        as(world.patientSession().accessToken()).body(odi(daysAgo(1), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
                .put("/v1/me/questionnaire-responses/" + UUID.randomUUID()).then().statusCode(201);
        for (String path : List.of(patientPath() + "/outcome-schedules", patientPath() + "/outcomes")) {
            for (var who : List.of(world.therapistB(), other.therapistA(), other.admin())) {
                as(who.accessToken()).get(path).then().statusCode(404);
            }
            as(world.therapistA().accessToken()).get(path).then().statusCode(200);
            as(world.admin().accessToken()).get(path).then().statusCode(200);
            as(world.patientSession().accessToken()).get(path).then().statusCode(403);
            as(other.patientSession().accessToken()).get(path).then().statusCode(403);
            api().get(path).then().statusCode(401);
        }
        as(world.therapistA().accessToken()).get(patientPath() + "/outcomes").then()
                .body("instruments[0].instrumentId", equalTo(Oswestry.ID));
    }

    @Test
    void responsesAreThePatientsOwn() {
        Map<String, Object> body = odi(daysAgo(1), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        String path = "/v1/me/questionnaire-responses/" + UUID.randomUUID();
        as(world.therapistA().accessToken()).body(body).put(path).then().statusCode(403);
        as(world.admin().accessToken()).get("/v1/me/questionnaire-responses").then().statusCode(403);
        api().body(body).contentType("application/json").put(path).then().statusCode(401);
        api().get("/v1/me/questionnaire-responses").then().statusCode(401);
        as(world.patientSession().accessToken()).body(body).put(path).then().statusCode(201);
        // Another clinic's patient sees only their own (none).
        as(other.patientSession().accessToken()).get("/v1/me/questionnaire-responses").then().statusCode(200)
                .body("responses.size()", equalTo(0));
        sendingInvalidRequest().auth().oauth2(world.patientSession().accessToken()).contentType("application/json")
                .body(body).put("/v1/me/questionnaire-responses/" + new UUID(0, 0)).then().statusCode(400);
    }
}
