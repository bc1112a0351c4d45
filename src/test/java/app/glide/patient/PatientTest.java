package app.glide.patient;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.api;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientTest {

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Patient clinic");
    }

    @Test
    void createReturnsThePatientAndACodeWithLocation() {
        as(world.therapistA().accessToken()).body(Map.of("displayName", "  Alex Rivera ", "timeZone", "America/New_York"))
                .post("/v1/patients")
                .then().statusCode(201)
                .header("Location", Matchers.matchesPattern(".*/v1/patients/[0-9a-f-]{36}"))
                .body("patient.displayName", equalTo("Alex Rivera"))
                .body("patient.primaryTherapistId", equalTo(world.therapistAInfo().id().toString()))
                .body("patient.enrolled", equalTo(false))
                .body("enrolmentCode.code", Matchers.matchesPattern("[2-9A-Z]{4}-[2-9A-Z]{6}"));
    }

    @Test
    void badPatientInputGivesPerFieldErrors() {
        sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken())
                .body(Map.of("displayName", " ", "timeZone", "Mars/Olympus"))
                .post("/v1/patients")
                .then().statusCode(400)
                .body("type", equalTo("https://glide.example/problems/validation"))
                .body("errors.field", contains("displayName", "timeZone"));
        sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken())
                .body(Map.of("displayName", "Offset person", "timeZone", "+02:00"))
                .post("/v1/patients")
                .then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken())
                .body(Map.of("displayName", "Typo", "timezone", "UTC"))
                .post("/v1/patients")
                .then().statusCode(400).body("errors[0].field", equalTo("timezone"))
                .body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    void listIsPagedByCursorInNameOrderWithoutGapsOrRepeats() {
        List<String> names = List.of("Cora", "ava", "Bea", "dan", "Eve");
        for (String n : names) {
            Actors.createPatient(world.therapistA(), n);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = as(world.therapistA().accessToken()).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var body = spec.get("/v1/patients").then().statusCode(200).extract().jsonPath();
            seen.addAll(body.getList("items.displayName"));
            cursor = body.getString("nextCursor");
            pages++;
        } while (cursor != null);
        // Five new patients plus the enrolled one of the world, sorted case-insensitively.
        assertEquals(List.of("ava", "Bea", "Cora", "dan", "Eve", "Pat Patient clinic"), seen);
        assertEquals(3, pages);
    }

    @Test
    void aForgedCursorIsA400() {
        as(world.therapistA().accessToken()).queryParam("cursor", "bm9wZQ").get("/v1/patients")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void limitOutOfRangeIsA400() {
        sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken()).queryParam("limit", 0)
                .get("/v1/patients").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken()).queryParam("limit", 101)
                .get("/v1/patients").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void patchChangesOnlyWhatIsSent() {
        String id = world.patient().id().toString();
        as(world.therapistA().accessToken()).body(Map.of("timeZone", "Asia/Tokyo"))
                .patch("/v1/patients/" + id)
                .then().statusCode(200)
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("displayName", equalTo("Pat Patient clinic"));
        as(world.patientSession().accessToken()).get("/v1/me").then().body("timeZone", equalTo("Asia/Tokyo"));
    }

    @Test
    void anEmptyPatchIsA400() {
        sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken()).body(Map.of())
                .patch("/v1/patients/" + world.patient().id())
                .then().statusCode(400).body("type", equalTo("https://glide.example/problems/empty-update"));
    }

    @Test
    void changingThePrimaryTherapistAddsThemToTheCareTeamAndProtectsThem() {
        String id = world.patient().id().toString();
        String b = world.therapistBInfo().id().toString();
        as(world.admin().accessToken()).body(Map.of("primaryTherapistId", b)).patch("/v1/patients/" + id)
                .then().statusCode(200).body("primaryTherapistId", equalTo(b));
        as(world.therapistB().accessToken()).get("/v1/patients/" + id + "/care-team")
                .then().statusCode(200)
                .body("members", hasSize(2))
                .body("members[0].therapistId", equalTo(b))
                .body("members[0].primary", equalTo(true));
        as(world.therapistA().accessToken()).delete("/v1/patients/" + id + "/care-team/" + b)
                .then().statusCode(409).body("type", equalTo("https://glide.example/problems/primary-therapist"));
        // The former primary may now leave the team.
        as(world.therapistA().accessToken()).delete("/v1/patients/" + id + "/care-team/" + world.therapistAInfo().id())
                .then().statusCode(204);
        as(world.therapistA().accessToken()).get("/v1/patients/" + id).then().statusCode(404);
    }

    @Test
    void addingToTheCareTeamIsIdempotentAndRefusesDeactivatedTherapists() {
        String id = world.patient().id().toString();
        String b = world.therapistBInfo().id().toString();
        as(world.therapistA().accessToken()).put("/v1/patients/" + id + "/care-team/" + b).then().statusCode(200)
                .body("members", hasSize(2));
        as(world.therapistA().accessToken()).put("/v1/patients/" + id + "/care-team/" + b).then().statusCode(200)
                .body("members", hasSize(2));
        as(world.therapistA().accessToken()).delete("/v1/patients/" + id + "/care-team/" + b).then().statusCode(204);
        as(world.admin().accessToken()).post("/v1/therapists/" + b + "/deactivate").then().statusCode(200);
        as(world.therapistA().accessToken()).put("/v1/patients/" + id + "/care-team/" + b).then().statusCode(422)
                .body("type", equalTo("https://glide.example/problems/therapist-deactivated"));
    }

    @Test
    void dischargeEndsThePatientsSessionsAndCodes() {
        String id = world.patient().id().toString();
        as(world.therapistA().accessToken()).body(Map.of("status", "DISCHARGED")).patch("/v1/patients/" + id)
                .then().statusCode(200).body("status", equalTo("DISCHARGED"));
        api().body(Map.of("refreshToken", world.patientSession().refreshToken())).post("/v1/auth/refresh")
                .then().statusCode(401);
        as(world.therapistA().accessToken()).post("/v1/patients/" + id + "/enrolment-code")
                .then().statusCode(409).body("type", equalTo("https://glide.example/problems/patient-discharged"));
        as(world.therapistA().accessToken()).queryParam("status", "DISCHARGED").get("/v1/patients")
                .then().statusCode(200).body("items.id", contains(id));
        as(world.therapistA().accessToken()).queryParam("status", "ACTIVE").get("/v1/patients")
                .then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
    }
}
