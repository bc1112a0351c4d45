package app.glide.security;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12, the parts done so far: cache and content-type headers, If-Match: *, the nil session id. */
@QuarkusTest
class HardeningApiTest {

    @Inject
    TestData data;

    ClinicWorld world;
    String plan;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Hardening clinic");
        plan = "/v1/patients/" + world.patient().id() + "/plan";
    }

    String exerciseId(String slug) {
        return Actors.exerciseId(world.therapistA(), slug);
    }

    JsonPath createPlan() {
        return as(world.therapistA().accessToken()).body(Map.of("reason", "Start", "items", List.of(Map.of(
                "exerciseId", exerciseId("pelvic-tilt"), "dosage", Map.of("sets", 1, "reps", 10),
                "schedule", Map.of("sessionsPerWeek", 3))))).put(plan).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void personalDataAndCredentialsAreNeverStoredByCachesAndThePlanIsRevalidated() {
        api().body(Map.of("email", world.therapistAInfo().email(), "password", TestData.PASSWORD))
                .post("/v1/auth/login").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Strict-Transport-Security", nullValue());
        as(world.therapistA().accessToken()).post("/v1/patients/" + world.patient().id() + "/enrolment-code").then()
                .header("Cache-Control", equalTo("no-store"));
        as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id()).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        createPlan();
        String etag = as(world.patientSession().accessToken()).get("/v1/me/plan").then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-cache")).extract().header("ETag");
        as(world.patientSession().accessToken()).header("If-None-Match", etag).get("/v1/me/plan").then().statusCode(304);
        // Errors too, and over TLS (as the trusted proxy reports it) browsers are told to stay on HTTPS.
        sendingInvalidRequest().header("X-Forwarded-Proto", "https").get("/v1/me").then().statusCode(401)
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Strict-Transport-Security", equalTo("max-age=31536000"));
    }

    @Test
    void ifMatchStarDoesNotPassForAPlanChange() {
        createPlan();
        as(world.therapistA().accessToken()).header("If-Match", "*")
                .body(Map.of("reason", "Blind overwrite", "items", List.of(Map.of(
                        "exerciseId", exerciseId("pelvic-tilt"), "dosage", Map.of("sets", 2, "reps", 12),
                        "schedule", Map.of("sessionsPerWeek", 3))))).put(plan).then().statusCode(428)
                .body("type", equalTo("https://glide.example/problems/precondition-required"));
        assertEquals(1, as(world.therapistA().accessToken()).get(plan).then().statusCode(200).extract()
                .jsonPath().getInt("revision"), "nothing changed");
    }

    @Test
    void theNilUuidIsNotASessionId() {
        JsonPath p = createPlan();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Map<String, Object> body = Map.of("planId", p.getString("id"), "planRevision", 1,
                "startedAt", f.format(start), "endedAt", f.format(start.plusMinutes(20)), "painBefore", 2,
                "painPeak", 3, "painAfter", 2, "difficulty", 4, "symptomExtent", "THIGH",
                "items", List.of(Map.of("itemId", p.getString("items[0].id"), "status", "DONE")));
        as(world.patientSession().accessToken()).body(body).put("/v1/me/sessions/00000000-0000-0000-0000-000000000000")
                .then().statusCode(400).body("errors[0].field", equalTo("sessionId"));
        as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/sessions").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }
}
