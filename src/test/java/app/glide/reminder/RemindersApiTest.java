package app.glide.reminder;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.db.Sql;
import app.glide.outcome.Oswestry;
import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import app.glide.visit.Visits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/me/reminders: the schedule from a plan made through the API, a due questionnaire, a
 * tape's removal after a visit, a change of the patient's zone, bad ranges; patients only.
 */
@QuarkusTest
class RemindersApiTest {

    static final String REMINDERS = "/v1/me/reminders";

    @Inject
    TestData data;

    @Inject
    Sql sql;

    @Inject
    SessionFactory sessions;

    ClinicWorld world;
    ZoneId zone;
    LocalDate today;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Reminder clinic");
        zone = ZoneId.of(as(therapist()).get(patientPath()).then().statusCode(200).extract().jsonPath()
                .getString("timeZone"));
        today = LocalDate.now(zone);
        as(phone()).body(Map.of("reminderTimes", List.of("19:00", "08:30"), "morningCheckAt", "08:00")).put(
                "/v1/me/reminder-preferences").then().statusCode(200);
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    String therapist() {
        return world.therapistA().accessToken();
    }

    String patientPath() {
        return "/v1/patients/" + world.patient().id();
    }

    /** A plan with one item on Mondays and Thursdays; its item id. */
    String plan() {
        return as(therapist()).body(Map.of("reason", "Start", "items", List.of(Map.of(
                        "exerciseId", Actors.exerciseId(world.therapistA(), "glute-bridge"),
                        "dosage", Map.of("sets", 2, "reps", 10),
                        "schedule", Map.of("daysOfWeek", List.of("MONDAY", "THURSDAY"))))))
                .put(patientPath() + "/plan").then().statusCode(201).extract().jsonPath().getString("items[0].id");
    }

    JsonPath reminders(LocalDate from, LocalDate to) {
        return as(phone()).queryParam("from", from.toString()).queryParam("to", to.toString()).get(REMINDERS).then()
                .statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> of(JsonPath r, String kind) {
        List<Map<String, Object>> items = r.getList("items");
        return items.stream().filter(i -> kind.equals(i.get("kind"))).toList();
    }

    @Test
    void sessionsOnThePlansDaysAtEachReminderTimeAndTheMorningCheckAfter() {
        assertEquals(List.of(), reminders(today, today.plusDays(6)).getList("items"), "no plan: nothing");
        String itemId = plan();
        JsonPath r = reminders(today, today.plusDays(13));
        assertEquals(zone.getId(), r.getString("timeZone"));
        List<String> expected = new ArrayList<>();
        List<String> mornings = new ArrayList<>();
        for (LocalDate d = today; !d.isAfter(today.plusDays(13)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.MONDAY || d.getDayOfWeek() == DayOfWeek.THURSDAY) {
                expected.add(d + " 08:30");
                expected.add(d + " 19:00");
                if (d.isBefore(today.plusDays(13))) {
                    mornings.add(d.plusDays(1) + " 08:00");
                }
            }
        }
        List<Map<String, Object>> sessions = of(r, "SESSION");
        assertEquals(expected, sessions.stream().map(s -> s.get("localDate") + " " + s.get("localTime")).toList());
        sessions.forEach(s -> assertEquals(List.of(itemId), s.get("itemIds")));
        sessions.forEach(s -> assertEquals(OffsetDateTime.parse((String) s.get("at")).toLocalDate().toString(),
                s.get("localDate")));
        assertEquals(mornings, of(r, "MORNING_CHECK").stream().map(s -> s.get("localDate") + " " + s.get("localTime"))
                .toList());

        // The default range: today and the six days after.
        JsonPath week = as(phone()).get(REMINDERS).then().statusCode(200).extract().jsonPath();
        assertEquals(today.toString(), week.getString("from"));
        assertEquals(today.plusDays(6).toString(), week.getString("to"));
    }

    @Test
    void aPatientMovedToAnotherZoneGetsTheSameLocalTimesInTheNewZone() {
        plan();
        as(therapist()).body(Map.of("timeZone", "America/New_York")).patch(patientPath()).then().statusCode(200);
        LocalDate nyToday = LocalDate.now(ZoneId.of("America/New_York"));
        JsonPath r = reminders(nyToday, nyToday.plusDays(6));
        assertEquals("America/New_York", r.getString("timeZone"));
        List<Map<String, Object>> sessions = of(r, "SESSION");
        assertEquals(4, sessions.size(), "Monday and Thursday at two times");
        for (Map<String, Object> s : sessions) {
            OffsetDateTime at = OffsetDateTime.parse((String) s.get("at"));
            assertEquals(ZoneId.of("America/New_York").getRules().getOffset(at.toInstant()), at.getOffset());
            assertTrue(List.of("08:30", "19:00").contains(s.get("localTime")));
        }
    }

    @Test
    void aDueQuestionnaireAndATapesRemovalAppear() {
        as(therapist()).body(Map.of("atEvaluation", true, "atDischarge", false))
                .put(patientPath() + "/outcome-schedules/" + Oswestry.ID).then().statusCode(201);
        Instant wearUntil = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        String visitId = as(therapist()).body(Visits.body(today, List.of(Visits.taping(
                        Visits.earlierToday(Duration.ofMinutes(30)), wearUntil))))
                .post(patientPath() + "/visits").then().statusCode(201).extract().jsonPath().getString("id");

        JsonPath r = reminders(today, today.plusDays(6));
        List<Map<String, Object>> q = of(r, "QUESTIONNAIRE");
        assertEquals(1, q.size());
        assertEquals(Oswestry.ID, q.get(0).get("instrumentId"));
        assertEquals(today.toString(), q.get(0).get("localDate"));
        assertEquals("08:30", q.get(0).get("localTime"), "the first reminder time of the day");
        List<Map<String, Object>> tape = of(r, "TAPING_REMOVAL");
        assertEquals(1, tape.size());
        assertEquals(visitId, tape.get(0).get("visitId"));
        assertEquals(wearUntil, OffsetDateTime.parse((String) tape.get(0).get("at")).toInstant());
        assertEquals(wearUntil.atZone(zone).toLocalDate().toString(), tape.get(0).get("localDate"));
        // A range that ends before the tape comes off does not list it.
        assertEquals(List.of(), of(reminders(today, today), "TAPING_REMOVAL"));
    }

    long statements() {
        return sessions.getStatistics().getPrepareStatementCount() + sql.executed();
    }

    @Test
    void aMonthCostsTheSameOneStatementAsADay() {
        plan();
        as(therapist()).body(Map.of("atEvaluation", true, "atDischarge", false))
                .put(patientPath() + "/outcome-schedules/" + Oswestry.ID).then().statusCode(201);
        reminders(today, today); // the plan revision is cached from here on
        long before = statements();
        reminders(today, today);
        long day = statements() - before;
        before = statements();
        JsonPath month = reminders(today, today.plusDays(30));
        long days31 = statements() - before;
        assertTrue(of(month, "SESSION").size() >= 16, "Mondays and Thursdays of 31 days at two times");
        assertEquals(day, days31, "no statement per day");
        assertEquals(1, day, "patient, plan head, preferences, schedules and tapes in one statement");
    }

    @Test
    void badRangesAre400() {
        as(phone()).queryParam("from", today.toString()).queryParam("to", today.plusDays(31).toString()).get(REMINDERS)
                .then().statusCode(400).body("type", equalTo("https://glide.example/problems/invalid-date-range"));
        as(phone()).queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString()).get(REMINDERS)
                .then().statusCode(400).body("type", equalTo("https://glide.example/problems/invalid-date-range"));
        reminders(today, today.plusDays(30)); // 31 days: the most
        sendingInvalidRequest().auth().oauth2(phone()).queryParam("from", "2027-02-30").get(REMINDERS).then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void patientsOnly() {
        as(therapist()).get(REMINDERS).then().statusCode(403);
        as(world.admin().accessToken()).get(REMINDERS).then().statusCode(403);
        api().get(REMINDERS).then().statusCode(401);
    }
}
