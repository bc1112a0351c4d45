package app.glide.progress;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The progress endpoints' refusals: bad ranges and buckets (400), and who may read whose series. */
@QuarkusTest
class ProgressAccessApiTest {

    @Inject
    TestData data;

    ClinicWorld world;
    LocalDate today;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Progress access clinic");
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    }

    String therapistPath() {
        return "/v1/patients/" + world.patient().id() + "/progress";
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    @Test
    void aBadRangeOrBucketIsA400Problem() {
        as(phone()).queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .get("/v1/me/progress").then().statusCode(400)
                .body("type", equalTo("https://glide.example/problems/invalid-date-range"));
        as(world.therapistA().accessToken()).queryParam("from", today.minusDays(366).toString())
                .queryParam("to", today.toString()).get(therapistPath()).then().statusCode(400)
                .body("type", equalTo("https://glide.example/problems/invalid-date-range"));
        as(world.therapistA().accessToken()).queryParam("from", today.minusDays(365).toString())
                .queryParam("to", today.toString()).queryParam("bucket", "WEEK").get(therapistPath()).then()
                .statusCode(200);
        sendingInvalidRequest().auth().oauth2(phone()).queryParam("bucket", "MONTH").get("/v1/me/progress").then()
                .statusCode(400).body("type", equalTo("https://glide.example/problems/validation"))
                .body("errors[0].field", equalTo("bucket"));
        sendingInvalidRequest().auth().oauth2(phone()).queryParam("from", "yesterday").get("/v1/me/progress").then()
                .statusCode(400).body("type", equalTo("https://glide.example/problems/validation"));
    }

    @Test
    void onlyTheCareTeamAndTheClinicAdminReadAPatientsProgress() {
        ClinicWorld other = ClinicWorld.create(data, "Other progress clinic");
        for (var who : List.of(world.therapistB(), other.therapistA(), other.admin())) {
            as(who.accessToken()).get(therapistPath()).then().statusCode(404);
        }
        as(world.admin().accessToken()).get(therapistPath()).then().statusCode(200);
        as(world.therapistA().accessToken()).get(therapistPath()).then().statusCode(200);
        as(phone()).get(therapistPath()).then().statusCode(403);
        as(world.therapistA().accessToken()).get("/v1/me/progress").then().statusCode(403);
        api().get(therapistPath()).then().statusCode(401);
        api().get("/v1/me/progress").then().statusCode(401);
        // A patient of another clinic reads their own series, never this one.
        as(other.patientSession().accessToken()).get("/v1/me/progress").then().statusCode(200)
                .body("patientId", equalTo(other.patient().id().toString()));
    }
}
