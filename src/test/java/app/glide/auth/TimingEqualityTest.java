package app.glide.auth;

import static app.glide.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.config.GlideConfig;
import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 2: a refusal must not reveal whether the account or the code exists. Not
 * measured in wall-clock time (CI machines are noisy; bench/auth_timing.sh measures that):
 * the two paths must do the same bcrypt work, counted by {@link Passwords#work()} with the
 * cost of every verification.
 */
@QuarkusTest
class TimingEqualityTest {

    @Inject
    TestData data;

    @Inject
    GlideConfig config;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Timing clinic");
    }

    @Test
    void anUnknownEmailCostsExactlyTheBcryptWorkOfAWrongPassword() {
        Passwords.Work wrongPassword = workOf(() -> api()
                .body(Map.of("email", world.therapistAInfo().email(), "password", "not the password at all"))
                .post("/v1/auth/login").then().statusCode(401));
        Passwords.Work unknownEmail = workOf(() -> api()
                .body(Map.of("email", "nobody-" + UUID.randomUUID() + "@clinic.example", "password", "not the password at all"))
                .post("/v1/auth/login").then().statusCode(401));

        long oneVerificationAtTheConfiguredCost = 1L << config.password().bcryptCost();
        assertEquals(new Passwords.Work(1, oneVerificationAtTheConfiguredCost), wrongPassword, "known email, wrong password");
        assertEquals(wrongPassword, unknownEmail, "an unknown email must cost what a wrong password costs");
    }

    @Test
    void aCodeThatDoesNotExistCostsExactlyTheBcryptWorkOfAWrongSecretForALiveCode() {
        Actors.NewPatient p = Actors.createPatient(world.therapistA(), "Timing patient");
        String lookup = p.code().substring(0, 4);
        String secret = p.code().substring(5);
        String wrongSecret = secret.equals("222222") ? "333333" : "222222";
        String freeLookup = lookupWithoutAnyCode();

        Passwords.Work liveCode = workOf(() -> api().body(Map.of("code", lookup + "-" + wrongSecret))
                .post("/v1/auth/enrol").then().statusCode(401));
        Passwords.Work noSuchCode = workOf(() -> api().body(Map.of("code", freeLookup + "-" + wrongSecret))
                .post("/v1/auth/enrol").then().statusCode(401));

        assertEquals(true, liveCode.verifications() >= 1, "a wrong secret is verified: " + liveCode);
        assertEquals(liveCode, noSuchCode, "a code that does not exist must cost what a wrong secret costs");
        // And the correct code still works.
        Actors.enrol(p.code());
    }

    @Test
    void aLookupWithOldCodesCostsTheSameAsOneWithOnlyALiveCodeOrNone() {
        Actors.NewPatient p = Actors.createPatient(world.therapistA(), "Timing patient with history");
        String lookup = p.code().substring(0, 4);
        String secret = p.code().substring(5);
        String wrongSecret = secret.equals("222222") ? "333333" : "222222";
        Passwords.Work liveOnly = workOf(() -> api().body(Map.of("code", lookup + "-" + wrongSecret))
                .post("/v1/auth/enrol").then().statusCode(401));
        // Older codes that had the same lookup (revoked long ago), one and then two of them.
        Passwords.Work[] withHistory = new Passwords.Work[2];
        for (int i = 0; i < 2; i++) {
            data.execute("""
                    insert into enrolment_code (id, patient_id, lookup, secret_hash, created_at, created_by, expires_at, revoked_at)
                    select gen_random_uuid(), patient_id, lookup, secret_hash, created_at - interval '30 days', created_by,
                           expires_at - interval '30 days', created_at - interval '29 days'
                    from enrolment_code where patient_id = ?1 and revoked_at is null and used_at is null""", p.id());
            withHistory[i] = workOf(() -> api().body(Map.of("code", lookup + "-" + wrongSecret))
                    .post("/v1/auth/enrol").then().statusCode(401));
        }
        Passwords.Work none = workOf(() -> api().body(Map.of("code", lookupWithoutAnyCode() + "-" + wrongSecret))
                .post("/v1/auth/enrol").then().statusCode(401));
        assertEquals(liveOnly, withHistory[0], "one old code");
        assertEquals(liveOnly, withHistory[1], "two old codes");
        assertEquals(liveOnly, none, "no code");
    }

    private String lookupWithoutAnyCode() {
        for (int i = 0; i < 100; i++) {
            String candidate = CodeFormat.generate().lookup();
            if (data.query("select 1 from enrolment_code where lookup = ?1", candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new AssertionError("no free lookup found");
    }

    private static Passwords.Work workOf(Runnable request) {
        Passwords.Work before = Passwords.work();
        request.run();
        return Passwords.work().minus(before);
    }
}
