package app.glide.reminder;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET/PUT /v1/me/reminder-preferences: defaults, a save read back, and each refusal writing nothing. */
@QuarkusTest
class ReminderPreferencesApiTest {

    static final String PREFS = "/v1/me/reminder-preferences";

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Reminder preference clinic");
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    static Map<String, Object> body(List<String> times, String quietStart, String quietEnd, String morning) {
        Map<String, Object> b = new HashMap<>(Map.of("reminderTimes", times, "morningCheckAt", morning,
                "nudgeIfNotLoggedBy", "20:00"));
        if (quietStart != null) {
            b.put("quietHours", Map.of("start", quietStart, "end", quietEnd));
        }
        return b;
    }

    long rows() {
        return ((Number) data.query("select count(*) from reminder_preference where patient_id = ?",
                world.patient().id()).get(0)).longValue();
    }

    @Test
    void defaultsUntilSavedThenWhatWasSaved() {
        JsonPath d = as(phone()).get(PREFS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("18:00"), d.getList("reminderTimes"));
        assertEquals("22:00", d.getString("quietHours.start"));
        assertEquals("08:00", d.getString("morningCheckAt"));
        assertNull(d.get("nudgeIfNotLoggedBy"));

        as(phone()).body(body(List.of("19:30", "07:15"), "23:00", "06:30", "07:00")).put(PREFS).then().statusCode(200)
                .body("reminderTimes", equalTo(List.of("07:15", "19:30")));
        JsonPath saved = as(phone()).get(PREFS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("07:15", "19:30"), saved.getList("reminderTimes"));
        assertEquals("23:00", saved.getString("quietHours.start"));
        assertEquals("06:30", saved.getString("quietHours.end"));
        assertEquals("20:00", saved.getString("nudgeIfNotLoggedBy"));
        assertEquals("07:00", saved.getString("morningCheckAt"));

        // No quiet hours, no reminder times: allowed.
        Map<String, Object> none = body(List.of(), null, null, "09:00");
        none.remove("nudgeIfNotLoggedBy");
        as(phone()).body(none).put(PREFS).then().statusCode(200);
        JsonPath cleared = as(phone()).get(PREFS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), cleared.getList("reminderTimes"));
        assertNull(cleared.get("quietHours"));
        assertNull(cleared.get("nudgeIfNotLoggedBy"));
    }

    @Test
    void reminderTimesThatAreNotTimesAre400NamingTheField() {
        for (String notATime : List.of("25:00", "7:30", "12:60", "noon", "12:00:00")) {
            sendingInvalidRequest().auth().oauth2(phone()).body(body(List.of("08:00", notATime), null, null, "08:00"))
                    .put(PREFS).then().statusCode(400).body("type", equalTo("https://glide.example/problems/validation"))
                    .body("errors[0].field", equalTo("reminderTimes[1]"));
        }
        sendingInvalidRequest().auth().oauth2(phone()).body(body(List.of("08:00"), "22:00", "7am", "08:00"))
                .put(PREFS).then().statusCode(400).body("errors[0].field", equalTo("quietHours.end"));
        as(phone()).body(body(List.of("08:00", "08:00"), null, null, "08:00")).put(PREFS).then().statusCode(400)
                .body("errors[0].field", equalTo("reminderTimes"));
        sendingInvalidRequest().auth().oauth2(phone())
                .body(body(List.of("06:00", "07:00", "08:00", "09:00", "10:00", "11:00", "12:00"), null, null, "08:00"))
                .put(PREFS).then().statusCode(400).body("errors[0].field", equalTo("reminderTimes"));
        assertEquals(0, rows());
    }

    @Test
    void quietHoursCoveringTheWholeDayAre422() {
        as(phone()).body(body(List.of("08:00"), "07:00", "07:00", "08:00")).put(PREFS).then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/quiet-hours-cover-whole-day"));
        as(phone()).body(body(List.of("08:00"), "22:00", "09:00", "08:00")).put(PREFS).then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/morning-check-in-quiet-hours"));
        assertEquals(0, rows());
    }

    @Test
    void patientsOnly() {
        as(world.therapistA().accessToken()).get(PREFS).then().statusCode(403);
        as(world.therapistA().accessToken()).body(body(List.of("08:00"), null, null, "08:00")).put(PREFS).then()
                .statusCode(403);
        api().get(PREFS).then().statusCode(401);
    }
}
