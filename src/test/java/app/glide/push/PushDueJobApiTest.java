package app.glide.push;

import static app.glide.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The time-based rows: a NUDGE once the patient's "nudge me if I haven't logged by" time has passed
 * on a day the plan asks for a session (once a day, however often the job runs), none before it or
 * without the preference; and the plan's revision writes a PLAN_REVISED row in its transaction.
 */
@QuarkusTest
class PushDueJobApiTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    PushDueJob job;

    ClinicWorld world;
    LocalDate day;

    @BeforeEach
    void setUp() {
        day = LocalDate.now(BERLIN).plusDays(1);
        at(LocalTime.of(9, 0));
        world = ClinicWorld.create(data, "Nudge clinic");
        String token = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        as(phone()).body(new HashMap<>(Map.of("platform", "APNS", "pushToken", token, "appVersion", "2.3.1",
                "locale", "de-DE", "timeZone", "Europe/Berlin"))).put("/v1/me/devices/" + UUID.randomUUID()).then()
                .statusCode(201);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    void at(LocalTime t) {
        clock.setTo(ZonedDateTime.of(day, t, BERLIN).toInstant());
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    void planEveryDay() {
        as(world.therapistA().accessToken()).body(Map.of("reason", "Start", "items", List.of(Map.of(
                        "exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge"),
                        "dosage", Map.of("sets", 2, "reps", 10),
                        "schedule", Map.of("daysOfWeek", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                                "SATURDAY", "SUNDAY"))))))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(201);
    }

    void nudgeBy(String time) {
        Map<String, Object> body = new HashMap<>(Map.of("reminderTimes", List.of("08:00"), "morningCheckAt", "08:00"));
        if (time != null) {
            body.put("nudgeIfNotLoggedBy", time);
        }
        as(phone()).body(body).put("/v1/me/reminder-preferences").then().statusCode(200);
    }

    List<String> kinds() {
        return data.query("select kind from push_outbox where patient_id = ? order by created_at, kind",
                world.patient().id());
    }

    @Test
    void aNudgeOnceTheTimeHasPassedOnAPlanDayAndOnlyOnce() {
        planEveryDay();
        assertEquals(List.of("PLAN_REVISED"), kinds(), "the plan's revision is announced in its transaction");
        nudgeBy("18:00");
        at(LocalTime.of(17, 59));
        job.runOnce();
        assertEquals(List.of("PLAN_REVISED"), kinds(), "not before the nudge time");
        at(LocalTime.of(18, 5));
        job.runOnce();
        job.runOnce();
        assertEquals(List.of("PLAN_REVISED", "NUDGE"), kinds());
    }

    @Test
    void aStepBackThePatientsOwnFlareUpReportCausedIsNotAnnounced() {
        clock.shift(java.time.Duration.ofDays(-1));
        planEveryDay();
        at(LocalTime.of(9, 0));
        as(phone()).body(Map.of("pain", 7, "symptomExtent", "BELOW_KNEE")).post("/v1/me/flare-ups").then()
                .statusCode(201);
        assertEquals(List.of("PLAN_REVISED"), kinds(), "only the therapist's plan of the day before");
        assertEquals(2, as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/plan")
                .then().statusCode(200).extract().jsonPath().getInt("revision"), "the flare-up did revise the plan");
    }

    @Test
    void noNudgeOnADayASessionWasLogged() {
        planEveryDay();
        nudgeBy("18:00");
        at(LocalTime.of(10, 30));
        io.restassured.path.json.JsonPath plan = as(phone()).get("/v1/me/plan").then().statusCode(200).extract().jsonPath();
        as(phone()).body(Actors.sessionBody(plan.getString("id"), plan.getInt("revision"),
                        ZonedDateTime.of(day, LocalTime.of(10, 0), BERLIN).toOffsetDateTime(), 20, 2, 3, 2, 4, "THIGH",
                        List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE"))))
                .put("/v1/me/sessions/" + UUID.randomUUID()).then().statusCode(201);
        at(LocalTime.of(18, 5));
        job.runOnce();
        assertEquals(List.of("PLAN_REVISED"), kinds(), "logged today: no nudge");
    }

    @Test
    void aQuestionnaireDueTodayAndATapedVisitAreAnnounced() {
        clock.reset();
        LocalDate today = LocalDate.now(BERLIN);
        as(world.therapistA().accessToken()).body(Map.of("atEvaluation", true, "atDischarge", false))
                .put("/v1/patients/" + world.patient().id() + "/outcome-schedules/" + app.glide.outcome.Oswestry.ID)
                .then().statusCode(201);
        job.runOnce();
        job.runOnce();
        assertEquals(List.of("QUESTIONNAIRE_DUE"), kinds());
        assertEquals(List.of(app.glide.outcome.Oswestry.ID), data.query(
                "select ref_id from push_outbox where patient_id = ? and kind = 'QUESTIONNAIRE_DUE'", world.patient().id()));
        String visitId = as(world.therapistA().accessToken()).body(app.glide.visit.Visits.body(today, List.of(
                        app.glide.visit.Visits.taping(app.glide.visit.Visits.earlierToday(java.time.Duration.ofMinutes(30)),
                                java.time.Instant.now().plus(java.time.Duration.ofDays(2))))))
                .post("/v1/patients/" + world.patient().id() + "/visits").then().statusCode(201).extract().jsonPath()
                .getString("id");
        assertEquals(List.of(visitId), data.query(
                "select ref_id from push_outbox where patient_id = ? and kind = 'CARE_INSTRUCTION'", world.patient().id()));
    }

    @Test
    void noNudgeWithoutThePreferenceOrWithoutAPlan() {
        nudgeBy("18:00");
        at(LocalTime.of(20, 0));
        job.runOnce();
        assertEquals(List.of(), kinds(), "no plan");
        nudgeBy(null);
        planEveryDay();
        at(LocalTime.of(20, 30));
        job.runOnce();
        assertEquals(List.of("PLAN_REVISED"), kinds(), "no nudge asked for");
    }
}
