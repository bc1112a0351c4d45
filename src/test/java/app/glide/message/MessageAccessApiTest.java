package app.glide.message;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
 * Who may use the message endpoints: on a patient's path the care team writes and reads, the
 * clinic's admin only reads; another clinic's staff and a therapist not on the care team get
 * 404, a patient 403, no token 401. The patient's own paths are the patient's only, and a patient
 * sees only their own conversation. Nothing is written by a refused request.
 */
@QuarkusTest
class MessageAccessApiTest {

    static final Map<String, Object> BODY = Map.of("body", "hello");

    @Inject
    TestData data;

    ClinicWorld world;
    ClinicWorld other;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Message access clinic");
        other = ClinicWorld.create(data, "Message access other clinic");
    }

    String path() {
        return "/v1/patients/" + world.patient().id() + "/messages";
    }

    long rows(String table) {
        return ((Number) data.query("select count(*) from " + table + " where patient_id = ?", world.patient().id())
                .get(0)).longValue();
    }

    @Test
    void thePatientsPathsAreTheCareTeams() {
        String messageId = as(world.patientSession().accessToken()).body(BODY)
                .put("/v1/me/messages/" + UUID.randomUUID()).then().statusCode(201).extract().path("message.id");
        Map<String, Object> read = Map.of("messageId", messageId);
        for (var who : List.of(world.therapistB(), other.therapistA(), other.admin())) {
            as(who.accessToken()).get(path()).then().statusCode(404);
            as(who.accessToken()).body(BODY).post(path()).then().statusCode(who == other.admin() ? 403 : 404);
            as(who.accessToken()).body(read).post(path() + "/read").then().statusCode(who == other.admin() ? 403 : 404);
        }
        // The clinic's admin reads, and writes nothing.
        as(world.admin().accessToken()).get(path()).then().statusCode(200).body("items", hasSize(1));
        as(world.admin().accessToken()).body(BODY).post(path()).then().statusCode(403);
        as(world.admin().accessToken()).body(read).post(path() + "/read").then().statusCode(403);
        for (var patient : List.of(world.patientSession(), other.patientSession())) {
            as(patient.accessToken()).get(path()).then().statusCode(403);
            as(patient.accessToken()).body(BODY).post(path()).then().statusCode(403);
            as(patient.accessToken()).body(read).post(path() + "/read").then().statusCode(403);
        }
        api().get(path()).then().statusCode(401);
        api().contentType("application/json").body(BODY).post(path()).then().statusCode(401);
        api().contentType("application/json").body(read).post(path() + "/read").then().statusCode(401);
        assertEquals(1, rows("message"));
        assertEquals(0, rows("message_read"));
        // The care team may.
        as(world.therapistA().accessToken()).body(BODY).post(path()).then().statusCode(201);
        as(world.therapistA().accessToken()).body(read).post(path() + "/read").then().statusCode(200);
        as(world.therapistA().accessToken()).get(path()).then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void theMePathsAreThePatientsOwn() {
        String own = "/v1/me/messages/" + UUID.randomUUID();
        for (var staff : List.of(world.therapistA(), world.admin())) {
            as(staff.accessToken()).body(BODY).put(own).then().statusCode(403);
            as(staff.accessToken()).get("/v1/me/messages").then().statusCode(403);
            as(staff.accessToken()).body(Map.of("upTo", "2026-01-01T00:00:00Z")).post("/v1/me/messages/read").then()
                    .statusCode(403);
        }
        api().contentType("application/json").body(BODY).put(own).then().statusCode(401);
        api().get("/v1/me/messages").then().statusCode(401);
        api().contentType("application/json").body(Map.of("upTo", "2026-01-01T00:00:00Z"))
                .post("/v1/me/messages/read").then().statusCode(401);
        assertEquals(0, rows("message"));

        String mine = as(world.patientSession().accessToken()).body(BODY).put(own).then().statusCode(201)
                .extract().path("message.id");
        as(world.therapistA().accessToken()).body(Map.of("body", "for the patient only")).post(path()).then()
                .statusCode(201);
        // Another patient sees only their own conversation, and cannot mark this one's messages read.
        as(other.patientSession().accessToken()).get("/v1/me/messages").then().statusCode(200)
                .body("items", hasSize(0)).body("unreadCount", equalTo(0));
        as(other.patientSession().accessToken()).body(Map.of("messageId", mine)).post("/v1/me/messages/read").then()
                .statusCode(404);
        // The same id from another patient is their own new message; this patient's stays as it was.
        as(other.patientSession().accessToken()).body(Map.of("body", "other")).put(own).then().statusCode(201);
        as(world.patientSession().accessToken()).get("/v1/me/messages").then().statusCode(200)
                .body("items.body", equalTo(List.of("hello", "for the patient only")));
    }
}
