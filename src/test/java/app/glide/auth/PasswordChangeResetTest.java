package app.glide.auth;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Actors.Session;
import app.glide.testing.Api;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12, item 8: staff change their password, and an admin can issue a one-time reset token. */
@QuarkusTest
class PasswordChangeResetTest {

    static final String NEW_PASSWORD = "lantern orbit gravel pine";

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Password change clinic");
    }

    // --- change ------------------------------------------------------------------------

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        Session other = Actors.login(world.therapistAInfo().email());
        as(world.therapistA().accessToken())
                .body(Map.of("currentPassword", TestData.PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/v1/auth/password").then().statusCode(204);

        api().body(Map.of("refreshToken", other.refreshToken())).post("/v1/auth/refresh").then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/refresh-token-revoked"));
        api().body(Map.of("email", world.therapistAInfo().email(), "password", TestData.PASSWORD))
                .post("/v1/auth/login").then().statusCode(401);
        api().body(Map.of("email", world.therapistAInfo().email(), "password", NEW_PASSWORD))
                .post("/v1/auth/login").then().statusCode(200);
        assertEquals(1, data.query("select 1 from audit_event where entity_id = ?1 and action = 'password_changed'",
                world.therapistAInfo().id().toString()).size());
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountsAsAFailedLogin() {
        String address = Api.nextClientAddress();
        for (int i = 0; i < 5; i++) {
            Api.api(address).auth().oauth2(world.therapistA().accessToken())
                    .body(Map.of("currentPassword", "not my password " + i, "newPassword", NEW_PASSWORD))
                    .post("/v1/auth/password").then().statusCode(403)
                    .body("type", equalTo("https://glide.example/problems/wrong-current-password"));
        }
        Api.api(address).auth().oauth2(world.therapistA().accessToken())
                .body(Map.of("currentPassword", TestData.PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/v1/auth/password").then().statusCode(429);
    }

    @Test
    void theNewPasswordMustMeetThePolicyAndDiffer() {
        as(world.therapistA().accessToken())
                .body(Map.of("currentPassword", TestData.PASSWORD, "newPassword", "password1234"))
                .post("/v1/auth/password").then().statusCode(400)
                .body("type", equalTo("https://glide.example/problems/validation"))
                .body("errors[0].field", equalTo("newPassword"))
                .body("errors[0].message", containsString("too common"));
        as(world.therapistA().accessToken())
                .body(Map.of("currentPassword", TestData.PASSWORD, "newPassword", TestData.PASSWORD))
                .post("/v1/auth/password").then().statusCode(400)
                .body("errors[0].message", containsString("differ"));
    }

    @Test
    void patientsHaveNoPasswordToChange() {
        as(world.patientSession().accessToken())
                .body(Map.of("currentPassword", TestData.PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/v1/auth/password").then().statusCode(403)
                .body("type", equalTo("https://glide.example/problems/forbidden"));
    }

    // --- reset -------------------------------------------------------------------------

    @Test
    void anAdminIssuesAOneTimeTokenThatSetsANewPassword() {
        Session other = Actors.login(world.therapistBInfo().email());
        String token = as(world.admin().accessToken())
                .post("/v1/staff/" + world.therapistBInfo().id() + "/password-reset")
                .then().statusCode(201).extract().path("token");
        // Stored hashed only.
        assertEquals(0, data.query("select 1 from password_reset_token where encode(token_hash, 'escape') like ?1",
                "%" + token + "%").size());
        Number minutes = (Number) data.<Object>query("select extract(epoch from expires_at - created_at) / 60"
                + " from password_reset_token where user_id = ?1", world.therapistBInfo().id()).get(0);
        assertEquals(60.0, minutes.doubleValue(), 0.001);

        api().body(Map.of("token", token, "newPassword", NEW_PASSWORD)).post("/v1/auth/password-reset")
                .then().statusCode(204);
        api().body(Map.of("email", world.therapistBInfo().email(), "password", NEW_PASSWORD))
                .post("/v1/auth/login").then().statusCode(200);
        api().body(Map.of("refreshToken", other.refreshToken())).post("/v1/auth/refresh").then().statusCode(401);
        // Single use.
        api().body(Map.of("token", token, "newPassword", "another fine passphrase")).post("/v1/auth/password-reset")
                .then().statusCode(401)
                .body("type", equalTo("https://glide.example/problems/invalid-reset-token"));
        assertEquals(1, data.query("select 1 from audit_event where entity_id = ?1 and action = 'password_reset_issued'",
                world.therapistBInfo().id().toString()).size());
        assertEquals(1, data.query("select 1 from audit_event where entity_id = ?1 and action = 'password_reset'",
                world.therapistBInfo().id().toString()).size());
    }

    @Test
    void aRefusedPasswordDoesNotUseUpTheTokenAndANewTokenReplacesTheOld() {
        String first = issue(world.therapistAInfo().id());
        api().body(Map.of("token", first, "newPassword", world.therapistAInfo().email())).post("/v1/auth/password-reset")
                .then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        String second = issue(world.therapistAInfo().id());
        api().body(Map.of("token", first, "newPassword", NEW_PASSWORD)).post("/v1/auth/password-reset")
                .then().statusCode(401);
        api().body(Map.of("token", second, "newPassword", NEW_PASSWORD)).post("/v1/auth/password-reset")
                .then().statusCode(204);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = issue(world.therapistAInfo().id());
        data.execute("update password_reset_token set expires_at = now() - interval '1 second' where user_id = ?1",
                world.therapistAInfo().id());
        api().body(Map.of("token", token, "newPassword", NEW_PASSWORD)).post("/v1/auth/password-reset")
                .then().statusCode(401).body("type", equalTo("https://glide.example/problems/invalid-reset-token"));
    }

    @Test
    void aResetEndsTheLoginDelayOfTheAccount() {
        String email = world.therapistAInfo().email();
        for (int i = 0; i < 10; i++) {
            api().body(Map.of("email", email, "password", "guess number " + i)).post("/v1/auth/login").then().statusCode(401);
        }
        api().body(Map.of("email", email, "password", TestData.PASSWORD)).post("/v1/auth/login").then().statusCode(429);
        api().body(Map.of("token", issue(world.therapistAInfo().id()), "newPassword", NEW_PASSWORD))
                .post("/v1/auth/password-reset").then().statusCode(204);
        api().body(Map.of("email", email, "password", NEW_PASSWORD)).post("/v1/auth/login").then().statusCode(200);
    }

    @Test
    void onlyAnAdminOfTheSameClinicIssuesTokensAndOnlyForStaff() {
        as(world.therapistA().accessToken()).post("/v1/staff/" + world.therapistBInfo().id() + "/password-reset")
                .then().statusCode(403);
        as(world.admin().accessToken()).post("/v1/staff/" + world.patient().id() + "/password-reset")
                .then().statusCode(404);
        ClinicWorld other = ClinicWorld.create(data, "Other password clinic");
        as(other.admin().accessToken()).post("/v1/staff/" + world.therapistAInfo().id() + "/password-reset")
                .then().statusCode(404);
        as(world.admin().accessToken()).post("/v1/staff/" + UUID.randomUUID() + "/password-reset")
                .then().statusCode(404);
        assertFalse(data.query("select 1 from password_reset_token where user_id = ?1", world.therapistAInfo().id())
                .size() > 0);
    }

    @Test
    void aDeactivatedTherapistGetsNoResetToken() {
        as(world.admin().accessToken()).post("/v1/therapists/" + world.therapistBInfo().id() + "/deactivate")
                .then().statusCode(200);
        as(world.admin().accessToken()).post("/v1/staff/" + world.therapistBInfo().id() + "/password-reset")
                .then().statusCode(409).body("type", equalTo("https://glide.example/problems/account-inactive"));
    }

    private String issue(UUID userId) {
        return as(world.admin().accessToken()).post("/v1/staff/" + userId + "/password-reset")
                .then().statusCode(201).extract().path("token");
    }
}
