package app.glide.therapist;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Api;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TherapistTest {

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Staff clinic");
    }

    @Test
    void adminAddsATherapistWhoCanThenLogIn() {
        String email = "New.Person-" + UUID.randomUUID() + "@Clinic.example";
        as(world.admin().accessToken())
                .body(Map.of("email", email, "displayName", "New Person", "initialPassword", TestData.PASSWORD))
                .post("/v1/therapists")
                .then().statusCode(201)
                .header("Location", Matchers.containsString("/v1/therapists/"))
                .body("email", equalTo(email.toLowerCase()))
                .body("active", equalTo(true))
                .body("$", not(Matchers.hasKey("initialPassword")));
        Actors.login(email.toLowerCase());
    }

    @Test
    void anEmailInUseIsA409() {
        as(world.admin().accessToken())
                .body(Map.of("email", world.therapistAInfo().email().toUpperCase(), "displayName", "Dup",
                        "initialPassword", TestData.PASSWORD))
                .post("/v1/therapists")
                .then().statusCode(409).body("type", equalTo("https://glide.example/problems/email-taken"));
    }

    @Test
    void aShortInitialPasswordIsA400() {
        Api.sendingInvalidRequest().auth().oauth2(world.admin().accessToken())
                .body(Map.of("email", "short-" + UUID.randomUUID() + "@clinic.example", "displayName", "S",
                        "initialPassword", "short"))
                .post("/v1/therapists")
                .then().statusCode(400).body("errors[0].field", equalTo("initialPassword"));
    }

    @Test
    void aTherapistWithActivePatientsCannotBeDeactivated() {
        as(world.admin().accessToken()).post("/v1/therapists/" + world.therapistAInfo().id() + "/deactivate")
                .then().statusCode(409).body("type", equalTo("https://glide.example/problems/therapist-has-patients"));
    }

    @Test
    void deactivationIsIdempotentAndFiltersTheList() {
        String b = world.therapistBInfo().id().toString();
        as(world.admin().accessToken()).post("/v1/therapists/" + b + "/deactivate").then().statusCode(200);
        as(world.admin().accessToken()).post("/v1/therapists/" + b + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
        as(world.admin().accessToken()).queryParam("active", true).get("/v1/therapists").then().statusCode(200)
                .body("items.id", not(hasItem(b)));
        as(world.admin().accessToken()).queryParam("active", false).get("/v1/therapists").then().statusCode(200)
                .body("items.id", hasItem(b));
    }
}
