package app.glide.auth;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Actors.Session;
import app.glide.testing.Api;
import app.glide.testing.TestData;
import app.glide.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthTest {

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Auth clinic");
    }

    // --- login ---------------------------------------------------------------

    @Test
    void loginReturnsTokensAndTheUser() {
        api().body(Map.of("email", world.therapistAInfo().email().toUpperCase(), "password", TestData.PASSWORD))
                .post("/v1/auth/login")
                .then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("user.role", equalTo("THERAPIST"))
                .body("user.clinicId", equalTo(world.clinicId().toString()))
                .body("user", not(Matchers.hasKey("passwordHash")));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        api().body(Map.of("email", world.therapistAInfo().email(), "password", "not the password"))
                .post("/v1/auth/login")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glide.example/problems/invalid-credentials"))
                .body("detail", equalTo("Email or password is incorrect."));
        api().body(Map.of("email", "nobody-" + UUID.randomUUID() + "@clinic.example", "password", "whatever"))
                .post("/v1/auth/login")
                .then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/invalid-credentials"))
                .body("detail", equalTo("Email or password is incorrect."));
    }

    @Test
    void tooManyFailuresFromOneAddressGive429() {
        String address = Api.nextClientAddress();
        for (int i = 0; i < 20; i++) {
            Api.api(address).body(Map.of("email", "spray-" + i + "@clinic.example", "password", "x"))
                    .post("/v1/auth/login").then().statusCode(401);
        }
        int retryAfter = Integer.parseInt(Api.api(address)
                .body(Map.of("email", world.therapistAInfo().email(), "password", TestData.PASSWORD))
                .post("/v1/auth/login")
                .then().statusCode(429)
                .body("detail", Matchers.containsString("network address"))
                .extract().header("Retry-After"));
        assertEquals(true, retryAfter >= 1 && retryAfter <= 900, "Retry-After within the window: " + retryAfter);
    }

    @Test
    void deactivatedTherapistCannotLogIn() {
        // Therapist B has no patients, so the admin may deactivate them.
        as(world.admin().accessToken()).post("/v1/therapists/" + world.therapistBInfo().id() + "/deactivate")
                .then().statusCode(200).body("active", equalTo(false));
        api().body(Map.of("email", world.therapistBInfo().email(), "password", TestData.PASSWORD))
                .post("/v1/auth/login").then().statusCode(401);
        // Their refresh token family is revoked too.
        api().body(Map.of("refreshToken", world.therapistB().refreshToken())).post("/v1/auth/refresh")
                .then().statusCode(401);
    }

    // --- enrolment -----------------------------------------------------------

    @Test
    void enrolmentGivesThePatientTokensForTheSamePatientIdentity() {
        Actors.NewPatient p = Actors.createPatient(world.therapistA(), "Enrolling patient");
        String typedSloppily = " " + p.code().toLowerCase().replace("-", " ") + " ";
        api().body(Map.of("code", typedSloppily)).post("/v1/auth/enrol")
                .then().statusCode(200)
                .body("user.id", equalTo(p.id().toString()))
                .body("user.role", equalTo("PATIENT"))
                .body("user.timeZone", equalTo("Europe/Berlin"));
        as(world.therapistA().accessToken()).get("/v1/patients/" + p.id())
                .then().statusCode(200).body("enrolled", equalTo(true));
    }

    @Test
    void aUsedCodeIsRejected() {
        api().body(Map.of("code", world.patient().code())).post("/v1/auth/enrol")
                .then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/enrolment-code-used"));
    }

    @Test
    void anExpiredCodeIsRejected() {
        Actors.NewPatient p = Actors.createPatient(world.therapistA(), "Late patient");
        data.execute("update enrolment_code set expires_at = now() - interval '1 minute' where patient_id = ?1", p.id());
        api().body(Map.of("code", p.code())).post("/v1/auth/enrol")
                .then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/enrolment-code-expired"));
    }

    @Test
    void issuingANewCodeRevokesTheOldOneAndKeepsThePatient() {
        Actors.NewPatient p = Actors.createPatient(world.therapistA(), "New phone patient");
        String newCode = as(world.therapistA().accessToken()).post("/v1/patients/" + p.id() + "/enrolment-code")
                .then().statusCode(201).body("expiresAt", notNullValue()).extract().path("code");
        assertNotEquals(p.code(), newCode);
        api().body(Map.of("code", p.code())).post("/v1/auth/enrol")
                .then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/enrolment-code-revoked"));
        assertEquals(p.id(), Actors.enrol(newCode).userId());
    }

    @Test
    void codesExpireAfterSevenDaysByDefault() {
        Actors.NewPatient p = Actors.createPatient(world.therapistA(), "Seven days");
        Number days = (Number) data.<Object>query(
                "select extract(epoch from expires_at - created_at) / 86400 from enrolment_code where patient_id = ?1",
                p.id()).get(0);
        assertEquals(7.0, days.doubleValue(), 0.001);
        // Stored hashed: the secret part of the code is nowhere in the row.
        String stored = (String) data.<Object>query("select secret_hash from enrolment_code where patient_id = ?1", p.id()).get(0);
        assertEquals(false, stored.contains(p.code().substring(5)));
    }

    // --- refresh and logout --------------------------------------------------

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        Session first = Actors.login(world.therapistAInfo().email());
        String second = api().body(Map.of("refreshToken", first.refreshToken())).post("/v1/auth/refresh")
                .then().statusCode(200).body("accessToken", notNullValue()).extract().path("refreshToken");
        assertNotEquals(first.refreshToken(), second);
        String third = api().body(Map.of("refreshToken", second)).post("/v1/auth/refresh")
                .then().statusCode(200).extract().path("refreshToken");

        // The first token is replayed (stolen): rejected, and the family dies.
        api().body(Map.of("refreshToken", first.refreshToken())).post("/v1/auth/refresh")
                .then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/refresh-token-reused"));
        api().body(Map.of("refreshToken", third)).post("/v1/auth/refresh")
                .then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/refresh-token-revoked"));
        // Other sessions of the same user live on.
        api().body(Map.of("refreshToken", world.therapistA().refreshToken())).post("/v1/auth/refresh")
                .then().statusCode(200);
    }

    @Test
    void refreshTokensAreStoredHashed() {
        Session s = Actors.login(world.therapistAInfo().email());
        long clear = ((Number) data.<Object>query("select count(*) from refresh_token where encode(token_hash, 'escape') like ?1",
                "%" + s.refreshToken() + "%").get(0)).longValue();
        assertEquals(0, clear);
    }

    @Test
    void anExpiredRefreshTokenIsRejected() {
        Session s = Actors.login(world.therapistAInfo().email());
        data.execute("update refresh_token set expires_at = now() - interval '1 second' where user_id = ?1 and rotated_at is null and revoked_at is null",
                world.therapistAInfo().id());
        api().body(Map.of("refreshToken", s.refreshToken())).post("/v1/auth/refresh")
                .then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/refresh-token-expired"));
    }

    @Test
    void logoutRevokesTheFamily() {
        Session s = Actors.login(world.therapistAInfo().email());
        as(s.accessToken()).body(Map.of("refreshToken", s.refreshToken())).post("/v1/auth/logout")
                .then().statusCode(204);
        api().body(Map.of("refreshToken", s.refreshToken())).post("/v1/auth/refresh")
                .then().statusCode(401);
    }

    @Test
    void nobodyCanLogOutSomeoneElsesRefreshToken() {
        as(world.therapistB().accessToken()).body(Map.of("refreshToken", world.therapistA().refreshToken()))
                .post("/v1/auth/logout").then().statusCode(401);
        api().body(Map.of("refreshToken", world.therapistA().refreshToken())).post("/v1/auth/refresh")
                .then().statusCode(200);
    }

    @Test
    void anUnknownRefreshTokenIsRejected() {
        api().body(Map.of("refreshToken", "not-a-token")).post("/v1/auth/refresh")
                .then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/invalid-refresh-token"));
    }

    // --- access tokens -------------------------------------------------------

    @Test
    void accessTokenFailureModesAllGive401() {
        UUID user = world.therapistAInfo().id();
        UUID clinic = world.clinicId();
        Instant later = Instant.now().plusSeconds(600);

        sendingInvalidRequest().get("/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("https://glide.example/problems/unauthorized"));

        String expired = TestTokens.signed(TestTokens.ISSUER, Instant.now().minusSeconds(120), TestTokens.devKey(),
                user, "THERAPIST", clinic);
        as(expired).get("/v1/me").then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/token-expired"));

        String wrongIssuer = TestTokens.signed("https://evil.example", later, TestTokens.devKey(), user, "THERAPIST", clinic);
        as(wrongIssuer).get("/v1/me").then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/invalid-token"));

        String foreignKey = TestTokens.signed(TestTokens.ISSUER, later, TestTokens.foreignKey(), user, "THERAPIST", clinic);
        as(foreignKey).get("/v1/me").then().statusCode(401);

        as(TestTokens.tampered(world.therapistA().accessToken())).get("/v1/me").then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/invalid-token"));

        as("garbage").get("/v1/me").then().statusCode(401);

        // The genuine token works, so the failures above are about the token only.
        as(world.therapistA().accessToken()).get("/v1/me").then().statusCode(200)
                .body("id", equalTo(user.toString()));
    }

    @Test
    void meShowsThePatientTheirTimeZoneAndTherapist() {
        as(world.patientSession().accessToken()).get("/v1/me").then().statusCode(200)
                .body("role", equalTo("PATIENT"))
                .body("primaryTherapistId", equalTo(world.therapistAInfo().id().toString()))
                .body("clinicName", equalTo("Auth clinic"))
                .body("expiresIn", Matchers.nullValue());
    }

    @Test
    void loginValidatesItsInput() {
        sendingInvalidRequest().body(Map.of("email", "not-an-email", "password", "")).post("/v1/auth/login")
                .then().statusCode(400)
                .body("errors.field", Matchers.contains("email", "password"))
                .body("errors.size()", greaterThan(1));
    }
}
