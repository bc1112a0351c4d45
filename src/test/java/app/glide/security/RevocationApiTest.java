package app.glide.security;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Actors.Session;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 5: deactivation, discharge and logout end the access tokens they concern
 * within seconds (the revocation poll interval), not when the token expires 15 minutes later.
 */
@QuarkusTest
class RevocationApiTest {

    /** Longer than the test profile's poll interval with a wide margin; the production default is 2 s. */
    static final Duration WITHIN = Duration.ofSeconds(3);
    static final String REVOKED = "https://glide.example/problems/token-revoked";

    @Inject
    TestData data;

    ClinicWorld world;
    String patientPath;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Revocation clinic");
        patientPath = "/v1/patients/" + world.patient().id();
    }

    JsonPath createPlan() {
        return as(world.therapistA().accessToken()).body(Map.of("reason", "Start", "items", List.of(Map.of(
                "exerciseId", Actors.exerciseId(world.therapistA(), "pelvic-tilt"), "dosage", Map.of("sets", 1, "reps", 10),
                "schedule", Map.of("sessionsPerWeek", 3))))).put(patientPath + "/plan").then().statusCode(201)
                .extract().jsonPath();
    }

    String logSession(JsonPath plan) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        as(world.patientSession().accessToken()).body(Map.of("planId", plan.getString("id"), "planRevision", 1,
                "startedAt", f.format(start), "endedAt", f.format(start.plusMinutes(20)), "painBefore", 2,
                "painPeak", 3, "painAfter", 2, "difficulty", 4, "symptomExtent", "THIGH",
                "items", List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE"))))
                .put("/v1/me/sessions/" + id).then().statusCode(201);
        return id;
    }

    /** Repeats the request until it answers 401 token-revoked, for at most {@link #WITHIN}. */
    static void refusedWithin(Supplier<Response> request) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Response last;
        do {
            last = request.get();
            if (last.statusCode() == 401) {
                last.then().body("type", equalTo(REVOKED));
                return;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        fail("still answered " + last.statusCode() + " " + WITHIN.toMillis() + " ms after revocation: " + last.asString());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aDeactivatedTherapistCannotCommentWithTheTokenTheyStillHold() {
        JsonPath plan = createPlan();
        String session = logSession(plan);
        Session b = world.therapistB();
        as(world.admin().accessToken()).put(patientPath + "/care-team/" + world.therapistBInfo().id()).then().statusCode(200);
        as(b.accessToken()).body(Map.of("body", "Before deactivation")).post(patientPath + "/sessions/" + session + "/comments")
                .then().statusCode(201);
        // B is on the care team but not primary, so the admin may deactivate B.
        as(world.admin().accessToken()).post("/v1/therapists/" + world.therapistBInfo().id() + "/deactivate").then().statusCode(200);

        refusedWithin(() -> as(b.accessToken()).body(Map.of("body", "After deactivation"))
                .post(patientPath + "/sessions/" + session + "/comments"));
        as(b.accessToken()).get("/v1/me").then().statusCode(401).body("type", equalTo(REVOKED));
        // Nobody else's token is touched.
        as(world.therapistA().accessToken()).get("/v1/me").then().statusCode(200);
        as(world.admin().accessToken()).get("/v1/me").then().statusCode(200);
        assertEquals(1, as(world.therapistA().accessToken()).get(patientPath + "/sessions").then().statusCode(200)
                .extract().jsonPath().getList("items[0].comments").size(), "only the comment from before");
    }

    @Test
    void aDischargedPatientCannotReadThePlanWithTheTokenTheyStillHold() {
        createPlan();
        Session patient = world.patientSession();
        as(patient.accessToken()).get("/v1/me/plan").then().statusCode(200);
        as(world.therapistA().accessToken()).body(Map.of("status", "DISCHARGED")).patch(patientPath).then().statusCode(200);

        refusedWithin(() -> as(patient.accessToken()).get("/v1/me/plan"));
        // Re-admitted with a new code, the phone enrols again and its new token works.
        as(world.therapistA().accessToken()).body(Map.of("status", "ACTIVE")).patch(patientPath).then().statusCode(200);
        String code = as(world.therapistA().accessToken()).post(patientPath + "/enrolment-code").then().statusCode(201)
                .extract().path("code");
        sleep(1100); // a token issued in the very second of the discharge counts as issued before it
        Session again = Actors.enrol(code);
        as(again.accessToken()).get("/v1/me/plan").then().statusCode(200);
        as(patient.accessToken()).get("/v1/me/plan").then().statusCode(401).body("type", equalTo(REVOKED));
    }

    @Test
    void aLoggedOutTokenStopsWorkingAndTheUsersOtherSessionsLiveOn() {
        Session phone = Actors.login(world.therapistAInfo().email());
        Session desk = Actors.login(world.therapistAInfo().email());
        as(phone.accessToken()).get("/v1/me").then().statusCode(200);
        as(phone.accessToken()).body(Map.of("refreshToken", phone.refreshToken())).post("/v1/auth/logout")
                .then().statusCode(204);

        refusedWithin(() -> as(phone.accessToken()).get("/v1/me"));
        as(phone.accessToken()).get(patientPath).then().statusCode(401).body("type", equalTo(REVOKED));
        as(desk.accessToken()).get(patientPath).then().statusCode(200);
        // Logging in again right away gives a working token: only the logged-out session ended.
        Session next = Actors.login(world.therapistAInfo().email());
        as(next.accessToken()).get("/v1/me").then().statusCode(200);
    }

    @Test
    void aReplayedRefreshTokenEndsTheAccessTokensOfItsFamilyToo() {
        Session s = Actors.login(world.therapistAInfo().email());
        String rotated = api().body(Map.of("refreshToken", s.refreshToken())).post("/v1/auth/refresh").then()
                .statusCode(200).extract().path("accessToken");
        // The first refresh token is replayed (stolen): the family is revoked, with its access tokens.
        api().body(Map.of("refreshToken", s.refreshToken())).post("/v1/auth/refresh").then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/refresh-token-reused"));
        refusedWithin(() -> as(rotated).get("/v1/me"));
        refusedWithin(() -> as(s.accessToken()).get("/v1/me"));
        as(world.therapistA().accessToken()).get("/v1/me").then().statusCode(200);
    }

    @Test
    void aPasswordChangeOrResetEndsEveryAccessTokenOfTheAccount() {
        String newPassword = "a new and long enough passphrase";
        Session phone = Actors.login(world.therapistAInfo().email());
        as(phone.accessToken()).get("/v1/me").then().statusCode(200);
        as(world.therapistA().accessToken())
                .body(Map.of("currentPassword", TestData.PASSWORD, "newPassword", newPassword))
                .post("/v1/auth/password").then().statusCode(204);
        refusedWithin(() -> as(phone.accessToken()).get("/v1/me"));
        refusedWithin(() -> as(world.therapistA().accessToken()).get(patientPath));
        Session fresh = Actors.login(world.therapistAInfo().email(), newPassword);
        as(fresh.accessToken()).get(patientPath).then().statusCode(200);

        // A reset by the admin (the password was stolen, say) ends the sessions of whoever holds it.
        String token = as(world.admin().accessToken()).post("/v1/staff/" + world.therapistAInfo().id() + "/password-reset")
                .then().statusCode(201).extract().path("token");
        api().body(Map.of("token", token, "newPassword", "yet another long passphrase")).post("/v1/auth/password-reset")
                .then().statusCode(204);
        refusedWithin(() -> as(fresh.accessToken()).get(patientPath));
    }
}
