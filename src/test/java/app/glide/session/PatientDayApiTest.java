package app.glide.session;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Actors.Session;
import app.glide.testing.TestClock;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patient's day is the patient's, set by the clinical clock: the tests put the
 * application at a minute of the patient's night ({@link TestClock}) and ask what the phone
 * is answered, instead of writing rows with the dates a night would have given them.
 */
@QuarkusTest
class PatientDayApiTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    ClinicWorld world;
    Session phone;
    UUID patientId;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Patient day clinic");
        Actors.NewPatient londoner = Actors.createPatient(world.therapistA(), "Pat London", "Europe/London");
        patientId = londoner.id();
        phone = Actors.enrol(londoner.code());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(LocalDate day, LocalTime time) {
        clock.setTo(day.atTime(time).atZone(LONDON).toInstant());
    }

    @Test
    void todayTurnsAtThePatientsMidnightNotAtUtcs() {
        LocalDate day = LocalDate.of(2026, 7, 14); // British Summer Time: London is UTC+1
        at(day, LocalTime.of(23, 59));
        as(phone.accessToken()).get("/v1/me/adherence").then().statusCode(200)
                .body("date", equalTo("2026-07-14"));

        at(day.plusDays(1), LocalTime.of(0, 1));
        assertEquals(day, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), "UTC is still on the 14th");
        as(phone.accessToken()).get("/v1/me/adherence").then().statusCode(200)
                .body("date", equalTo("2026-07-15"));
        as(world.therapistA().accessToken()).get("/v1/patients/" + patientId + "/adherence").then().statusCode(200)
                .body("date", equalTo("2026-07-15"));
    }

    @Test
    void theNextMorningCheckOpensAtFourInThePatientsMorning() {
        String bridge = Actors.exerciseId(world.therapistA(), "glute-bridge");
        var plan = as(world.therapistA().accessToken())
                .body(Map.of("reason", "Start", "items", List.of(Map.of("exerciseId", bridge,
                        "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", EVERY_DAY)))))
                .put("/v1/patients/" + patientId + "/plan").then().statusCode(201).extract().jsonPath();
        // An evening session on the plan's first day, sent at 23:59 the patient's time.
        LocalDate day = LocalDate.ofInstant(Instant.now(), LONDON);
        ZonedDateTime start = day.atTime(20, 0).atZone(LONDON);
        at(day, LocalTime.of(23, 59));
        UUID id = UUID.randomUUID();
        as(phone.accessToken()).body(Map.of("planId", plan.getString("id"), "planRevision", plan.getInt("revision"),
                        "startedAt", SessionApiTest.RFC3339.format(start),
                        "endedAt", SessionApiTest.RFC3339.format(start.plusMinutes(25)),
                        "painBefore", 3, "painPeak", 4, "painAfter", 2, "difficulty", 5, "symptomExtent", "THIGH",
                        "items", List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE"))))
                .put("/v1/me/sessions/" + id).then().statusCode(201)
                .body("localDate", equalTo(day.toString()));

        // 00:01 is the next day, but not yet the morning: too early to say how the night went.
        at(day.plusDays(1), LocalTime.of(0, 1));
        as(phone.accessToken()).body(Map.of("answer", "BETTER", "pain", 2)).put("/v1/me/sessions/" + id + "/morning-check")
                .then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/morning-check-too-early"))
                .body("detail", containsString(LocalDateTime.of(day.plusDays(1), LocalTime.of(4, 0)) + " your time (Europe/London)"));

        at(day.plusDays(1), LocalTime.of(4, 1));
        as(phone.accessToken()).body(Map.of("answer", "BETTER", "pain", 2)).put("/v1/me/sessions/" + id + "/morning-check")
                .then().statusCode(200).body("answer", equalTo("BETTER"));
    }
}
