package app.glide.outcome;

import static app.glide.outcome.QuestionnaireBodies.daysAgo;
import static app.glide.outcome.QuestionnaireBodies.odi;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors;
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
 * answeredAt is bounded: not more than 30 days before the patient's record was created (a paper
 * questionnaire answered shortly before enrolment) and not more than 5 minutes in the future; and
 * a time stored before that rule (an infinite one) never makes a read fail.
 */
@QuarkusTest
class QuestionnaireTimeApiTest {

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Questionnaire time clinic");
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    long stored() {
        return ((Number) data.query("select count(*) from outcome_response where patient_id = ?",
                world.patient().id()).get(0)).longValue();
    }

    /** The patient's record creation time moved by {@code days}, as an ISO instant. */
    String recordCreatedPlusDays(int days) {
        return (String) data.query("""
                select to_char((created_at + make_interval(days => ?)) at time zone 'UTC',
                               'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                from app_user where id = ?""", days, world.patient().id()).get(0);
    }

    Map<String, Object> odiAt(String answeredAt) {
        Map<String, Object> body = odi(daysAgo(0), 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        body.put("answeredAt", answeredAt);
        return body;
    }

    @Test
    void anAnswerTimeLongBeforeTheRecordOrInTheFutureIs422AndStoresNothing() {
        // A six-digit year is outside the contract's date-time format but Java reads it: the server must refuse it.
        sendingInvalidRequest().auth().oauth2(phone()).contentType("application/json")
                .body(odiAt("-200000-01-01T00:00:00Z")).put("/v1/me/questionnaire-responses/" + UUID.randomUUID())
                .then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/questionnaire-time-rejected"));
        for (String at : List.of("1900-01-01T00:00:00Z", recordCreatedPlusDays(-31),
                Actors.RFC3339.format(daysAgo(0).plusMinutes(10)))) {
            as(phone()).body(odiAt(at)).put("/v1/me/questionnaire-responses/" + UUID.randomUUID()).then()
                    .statusCode(422).body("type", equalTo("https://glide.example/problems/questionnaire-time-rejected"));
        }
        assertEquals(0, stored());
        // Answered on paper 29 days before enrolment: accepted, and the baseline.
        as(phone()).body(odiAt(recordCreatedPlusDays(-29))).put("/v1/me/questionnaire-responses/" + UUID.randomUUID())
                .then().statusCode(201).body("baseline", equalTo(true));
        assertEquals(1, stored());
    }

    @Test
    void aStoredInfiniteAnswerTimeNeverMakesAReadFail() {
        String therapist = world.therapistA().accessToken();
        String patientPath = "/v1/patients/" + world.patient().id();
        as(therapist).body(Map.of("reason", "Start", "items", List.of(Map.of(
                "exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge"),
                "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("sessionsPerWeek", 3)))))
                .put(patientPath + "/plan").then().statusCode(201);
        as(therapist).body(Map.of("atEvaluation", true, "everyDays", 14, "atDischarge", false))
                .put(patientPath + "/outcome-schedules/" + Oswestry.ID).then().statusCode(201);
        as(phone()).body(odiAt(Actors.RFC3339.format(daysAgo(1)))).put("/v1/me/questionnaire-responses/" + UUID.randomUUID())
                .then().statusCode(201);
        // What an unbounded answeredAt used to store.
        data.execute("update outcome_response set answered_at = '-infinity' where patient_id = ?", world.patient().id());

        as(phone()).get("/v1/me/plan").then().statusCode(200).body("dueQuestionnaires[0].instrumentId",
                equalTo(Oswestry.ID));
        as(phone()).get("/v1/me/today").then().statusCode(200).body("dueQuestionnaires[0].instrumentId",
                equalTo(Oswestry.ID));
        as(phone()).get("/v1/me/questionnaire-responses").then().statusCode(200);
        as(therapist).get(patientPath + "/outcome-schedules").then().statusCode(200)
                .body("schedules[0].instrumentId", equalTo(Oswestry.ID));
        as(therapist).get(patientPath + "/outcomes").then().statusCode(200);
    }
}
