package app.glide.security;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OWASP API3 (broken object property level authorisation): a caller cannot set a property
 * it may not set by adding it to a body (mass assignment), nor point an object at another
 * clinic's, and nothing of such a request is written. Unknown properties are refused by
 * name (quarkus.jackson.fail-on-unknown-properties), read-only ones are ignored.
 */
@QuarkusTest
class PropertyLevelAuthorizationApiTest {

    @Inject
    TestData data;

    ClinicWorld world;
    ClinicWorld other;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Property clinic");
        other = ClinicWorld.create(data, "Other property clinic");
    }

    private long count(String sql, Object... params) {
        return ((Number) data.query(sql, params).get(0)).longValue();
    }

    @Test
    void aPatientCannotBeCreatedInAnotherClinicOrForAnotherTherapist() {
        String name = "Smuggled " + UUID.randomUUID();
        for (String field : new String[] {"clinicId", "primaryTherapistId", "id", "status"}) {
            Object value = field.equals("status") ? "DISCHARGED"
                    : field.equals("clinicId") ? other.clinicId().toString() : other.therapistAInfo().id().toString();
            sendingInvalidRequest().auth().oauth2(world.therapistA().accessToken())
                    .body(Map.of("displayName", name, "timeZone", "UTC", field, value))
                    .post("/v1/patients")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field))
                    .body("errors[0].message", equalTo("is not a known field"));
        }
        assertEquals(0, count("select count(*) from patient p join app_user u on u.id = p.id where u.display_name = ?1", name));
    }

    @Test
    void aTherapistCannotBeCreatedWithARoleOrInAnotherClinic() {
        String email = "smuggled-" + UUID.randomUUID() + "@clinic.example";
        for (Map.Entry<String, Object> extra : Map.<String, Object>of("role", "ADMIN", "clinicId", other.clinicId().toString(),
                "active", false, "passwordHash", "$2a$04$abcdefghijklmnopqrstuv").entrySet()) {
            sendingInvalidRequest().auth().oauth2(world.admin().accessToken())
                    .body(Map.of("email", email, "displayName", "Smuggled", "initialPassword", TestData.PASSWORD,
                            extra.getKey(), extra.getValue()))
                    .post("/v1/therapists")
                    .then().statusCode(400).body("errors[0].field", equalTo(extra.getKey()));
        }
        assertEquals(0, count("select count(*) from app_user where email = ?1", email));
    }

    @Test
    void aPatientCannotBeHandedToAnotherClinicsTherapist() {
        String id = world.patient().id().toString();
        as(world.therapistA().accessToken()).body(Map.of("primaryTherapistId", other.therapistAInfo().id().toString()))
                .patch("/v1/patients/" + id)
                .then().statusCode(not(equalTo(200)));
        as(world.therapistA().accessToken()).get("/v1/patients/" + id).then().statusCode(200)
                .body("primaryTherapistId", equalTo(world.therapistAInfo().id().toString()));
        assertEquals(0, count("select count(*) from care_team_member where patient_id = ?1 and therapist_id = ?2",
                world.patient().id(), other.therapistAInfo().id()));
    }

    @Test
    void clinicSettingsCannotNameAnotherClinicAndIgnoreWhatIsReadOnly() {
        Map<String, Object> settings = as(world.admin().accessToken()).get("/v1/clinic/settings").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        Map<String, Object> smuggled = new HashMap<>(settings);
        smuggled.put("clinicId", other.clinicId().toString());
        sendingInvalidRequest().auth().oauth2(world.admin().accessToken()).body(smuggled).put("/v1/clinic/settings")
                .then().statusCode(400).body("errors[0].field", equalTo("clinicId"));
        Map<String, Object> readOnly = new HashMap<>(settings);
        readOnly.put("effectiveEmergencyNumber", "000");
        sendingInvalidRequest().auth().oauth2(world.admin().accessToken()).body(readOnly).put("/v1/clinic/settings")
                .then().statusCode(200).body("effectiveEmergencyNumber", equalTo(settings.get("effectiveEmergencyNumber")));
        as(other.admin().accessToken()).get("/v1/clinic/settings").then().statusCode(200)
                .body("effectiveEmergencyNumber", equalTo(settings.get("effectiveEmergencyNumber")));
    }
}
