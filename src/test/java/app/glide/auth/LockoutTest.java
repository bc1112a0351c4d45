package app.glide.auth;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.Api;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 3: an attacker must not be able to lock the legitimate user out, while
 * guessing stays slow. The first three tests are the denial of service found on main.
 * The test profile makes the first per-account delay 1 minute (glide.rate-limit.first-delay)
 * so that no test depends on how fast it runs.
 */
@QuarkusTest
class LockoutTest {

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Lockout clinic");
    }

    // --- the denial of service on main -------------------------------------------

    @Test
    void fiveWrongSecretsDoNotLockOutThePatientWithTheCorrectCode() {
        Actors.NewPatient p = Actors.createPatient(world.therapistA(), "Targeted patient");
        String attacker = Api.nextClientAddress();
        for (int i = 0; i < 5; i++) {
            Api.api(attacker).body(Map.of("code", wrongCode(p.code(), i))).post("/v1/auth/enrol")
                    .then().statusCode(401);
        }
        // On main: 429 "for this code" for the rest of the window.
        assertEquals(p.id(), Actors.enrol(p.code()).userId());
    }

    @Test
    void fiveWrongPasswordsDoNotLockOutTheOwnerFromAnotherAddress() {
        String email = world.therapistBInfo().email();
        String attacker = Api.nextClientAddress();
        for (int i = 0; i < 5; i++) {
            Api.api(attacker).body(Map.of("email", email, "password", "guess number " + i)).post("/v1/auth/login")
                    .then().statusCode(401);
        }
        // On main: 429 "for this account".
        Actors.login(email);
    }

    @Test
    void twentyFailuresFromOneAddressDoNotLockOutStaffWhoLogInThere() {
        String clinicNetwork = Api.nextClientAddress();
        String email = world.therapistAInfo().email();
        Api.api(clinicNetwork).body(Map.of("email", email, "password", TestData.PASSWORD)).post("/v1/auth/login")
                .then().statusCode(200);
        for (int i = 0; i < 20; i++) {
            Api.api(clinicNetwork).body(Map.of("email", "spray-" + i + "@clinic.example", "password", "x".repeat(12)))
                    .post("/v1/auth/login").then().statusCode(401);
        }
        // On main: 429 "from your network address" for everyone behind it.
        Api.api(clinicNetwork).body(Map.of("email", email, "password", TestData.PASSWORD)).post("/v1/auth/login")
                .then().statusCode(200);
        // An address spraying accounts is still stopped for accounts never used from there.
        Api.api(clinicNetwork).body(Map.of("email", world.therapistBInfo().email(), "password", TestData.PASSWORD))
                .post("/v1/auth/login").then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("network address"));
    }

    // --- brute force stays slow ------------------------------------------------------

    @Test
    void oneAddressGetsFiveGuessesPerAccountPerWindow() {
        String email = world.therapistBInfo().email();
        String attacker = Api.nextClientAddress();
        for (int i = 0; i < 5; i++) {
            Api.api(attacker).body(Map.of("email", email, "password", "guess number " + i)).post("/v1/auth/login")
                    .then().statusCode(401);
        }
        Api.api(attacker).body(Map.of("email", email, "password", TestData.PASSWORD)).post("/v1/auth/login")
                .then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://glide.example/problems/too-many-attempts"))
                .body("detail", containsString("from your network address"));
    }

    @Test
    void manyAddressesGuessingOneAccountMeetAGrowingDelayThatTheOwnerAtAKnownAddressSkips() {
        String email = world.therapistBInfo().email();
        String ownersDesk = Api.nextClientAddress();
        Api.api(ownersDesk).body(Map.of("email", email, "password", TestData.PASSWORD)).post("/v1/auth/login")
                .then().statusCode(200);
        // Ten free failures, each from another address; the tenth starts the delay.
        for (int i = 0; i < 10; i++) {
            api().body(Map.of("email", email, "password", "guess number " + i)).post("/v1/auth/login")
                    .then().statusCode(401);
        }
        // During the delay, nothing is evaluated from unknown addresses, not even the right password.
        int retryAfter = Integer.parseInt(api().body(Map.of("email", email, "password", TestData.PASSWORD))
                .post("/v1/auth/login").then().statusCode(429)
                .body("detail", containsString("for this account"))
                .extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "the first delay (1 minute in tests): " + retryAfter);
        // The owner at an address they logged in from before is not delayed.
        Api.api(ownersDesk).body(Map.of("email", email, "password", TestData.PASSWORD)).post("/v1/auth/login")
                .then().statusCode(200);
    }

    @Test
    void parallelGuessesCannotShareTheFreeAttempts() throws Exception {
        String email = world.therapistBInfo().email();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                answers.add(pool.submit(() -> api().body(Map.of("email", email, "password", "parallel guess " + n))
                        .post("/v1/auth/login").then().extract().statusCode()));
            }
            int evaluated = 0;
            int refused = 0;
            for (var a : answers) {
                int status = a.get();
                if (status == 401) {
                    evaluated++;
                } else if (status == 429) {
                    refused++;
                } else {
                    throw new AssertionError("unexpected status " + status);
                }
            }
            // Ten free failures, then the delay: never more, however the requests interleave.
            assertEquals(10, evaluated);
            assertEquals(6, refused);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterTheDelayTheCorrectPasswordWorksFromANewAddressAndWrongOnesDoubleTheDelay() {
        String email = world.therapistBInfo().email();
        for (int i = 0; i < 10; i++) {
            api().body(Map.of("email", email, "password", "guess number " + i)).post("/v1/auth/login")
                    .then().statusCode(401);
        }
        api().body(Map.of("email", email, "password", TestData.PASSWORD)).post("/v1/auth/login").then().statusCode(429);
        endTheDelay("login:" + email);
        api().body(Map.of("email", email, "password", "guess number 11")).post("/v1/auth/login").then().statusCode(401);
        int retryAfter = Integer.parseInt(api().body(Map.of("email", email, "password", TestData.PASSWORD))
                .post("/v1/auth/login").then().statusCode(429).extract().header("Retry-After"));
        assertTrue(retryAfter > 60 && retryAfter <= 120, "the second delay is twice the first: " + retryAfter);
        endTheDelay("login:" + email);
        Actors.login(email);
        // Success starts afresh.
        assertEquals(0, data.query("select 1 from auth_throttle where key = ?1", "login:" + email).size());
    }

    @Test
    void aGuessedCodeIsDelayedAndAReissuedCodeWorksAtOnce() {
        Actors.NewPatient p = Actors.createPatient(world.therapistA(), "Guessed patient");
        for (int i = 0; i < 10; i++) {
            api().body(Map.of("code", wrongCode(p.code(), i))).post("/v1/auth/enrol").then().statusCode(401)
                    .body("type", equalTo("https://glide.example/problems/invalid-enrolment-code"));
        }
        api().body(Map.of("code", p.code())).post("/v1/auth/enrol")
                .then().statusCode(429).header("Retry-After", notNullValue())
                .body("detail", containsString("for this code"));
        // The therapist gives the patient a new code: it works at once, whatever the old one's state.
        String newCode = as(world.therapistA().accessToken()).post("/v1/patients/" + p.id() + "/enrolment-code")
                .then().statusCode(201).extract().path("code");
        assertEquals(p.id(), Actors.enrol(newCode).userId());
    }

    @Test
    void reissuingACodeResetsTheCounters() {
        Actors.NewPatient p = Actors.createPatient(world.therapistA(), "Reissued patient");
        String oldLookup = p.code().substring(0, 4);
        for (int i = 0; i < 10; i++) {
            api().body(Map.of("code", wrongCode(p.code(), i))).post("/v1/auth/enrol").then().statusCode(401);
        }
        assertEquals(1, data.query("select 1 from auth_throttle where key = ?1", "enrol:" + oldLookup).size());
        String newCode = as(world.therapistA().accessToken()).post("/v1/patients/" + p.id() + "/enrolment-code")
                .then().statusCode(201).extract().path("code");
        String newLookup = newCode.substring(0, 4);
        for (String lookup : new String[] {oldLookup, newLookup}) {
            assertEquals(0, data.query("select 1 from auth_throttle where key = ?1", "enrol:" + lookup).size(), lookup);
            assertEquals(0, data.query("select 1 from rate_limit_counter where bucket like ?1", "enrol:code:" + lookup + "%")
                    .size(), lookup);
        }
        assertEquals(p.id(), Actors.enrol(newCode).userId());
    }

    private void endTheDelay(String key) {
        data.execute("update auth_throttle set next_attempt_at = now() - interval '1 second' where key = ?1", key);
    }

    /** A code with the same lookup and another secret. */
    static String wrongCode(String code, int i) {
        String secret = code.substring(5);
        String guess = "22222" + "23456789".charAt(i % 8);
        if (guess.equals(secret)) {
            guess = "33333" + "23456789".charAt(i % 8);
        }
        return code.substring(0, 4) + "-" + guess;
    }
}
