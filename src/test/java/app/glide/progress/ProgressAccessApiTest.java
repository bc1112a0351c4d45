package app.glide.progress;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The progress endpoints without a plan: the default range, a red-flag marker, the refusals (bad
 * ranges and buckets: 400) and who may read whose series.
 */
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
    void aPositiveRedFlagIsAMarker() {
        Map<String, Object> answers = new HashMap<>(Map.of("saddleNumbness", false, "bladderOrBowelChange", false,
                "symptomsInBothLegs", true, "worseningLegWeakness", false, "footDrop", false));
        as(phone()).body(answers).post("/v1/me/red-flag-checks").then().statusCode(201);
        JsonPath s = as(phone()).get("/v1/me/progress").then().statusCode(200).extract().jsonPath();
        assertEquals(today.minusDays(27).toString(), s.getString("from"), "default: the last 28 days");
        assertEquals("DAY", s.getString("bucket"));
        assertEquals(28, s.getList("buckets").size());
        assertTrue(s.getList("markers").stream().map(m -> (Map<?, ?>) m)
                .anyMatch(m -> "RED_FLAG".equals(m.get("kind")) && today.toString().equals(m.get("date"))),
                s.getList("markers").toString());
    }

    @Test
    void visitsAndOutcomeScoresAreMarkers() {
        String visitDay = today.minusDays(2).toString();
        String visitId = as(world.therapistA().accessToken()).body(Map.of("kind", "EVALUATION", "visitDate", visitDay))
                .post("/v1/patients/" + world.patient().id() + "/visits").then().statusCode(201).extract().path("id");
        String responseId = java.util.UUID.randomUUID().toString();
        as(phone()).body(Map.of("instrumentId", "nprs", "instrumentVersion", "1",
                        "answeredAt", app.glide.testing.Actors.RFC3339.format(today.minusDays(1).atTime(20, 0)
                                .atZone(ZoneId.of("Europe/Berlin")).toOffsetDateTime()), "answers", Map.of("nprs-1", "6")))
                .put("/v1/me/questionnaire-responses/" + responseId).then().statusCode(201);
        for (String token : List.of(phone(), world.therapistA().accessToken())) {
            String path = token.equals(phone()) ? "/v1/me/progress" : therapistPath();
            List<Map<String, Object>> markers = as(token).get(path).then().statusCode(200).extract().jsonPath()
                    .getList("markers");
            assertEquals(List.of(
                    Map.of("kind", "VISIT", "date", visitDay, "visitId", visitId, "visitKind", "EVALUATION"),
                    Map.of("kind", "OUTCOME", "date", today.minusDays(1).toString(), "responseId", responseId,
                            "instrumentId", "nprs", "score", 6.0f)), markers);
        }
        // Outside the range: none.
        as(phone()).queryParam("from", today.minusDays(40).toString()).queryParam("to", today.minusDays(3).toString())
                .get("/v1/me/progress").then().statusCode(200).body("markers.size()", equalTo(0));
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
