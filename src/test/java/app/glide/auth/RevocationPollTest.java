package app.glide.auth;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.glide.testing.Actors;
import app.glide.testing.Actors.Session;
import app.glide.testing.Api;
import app.glide.testing.TestData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * How a replica learns of revocations made by another one: by polling token_revocation,
 * with no read per request, and without missing a row whose transaction commits late.
 */
@QuarkusTest
class RevocationPollTest {

    @Inject
    TestData data;

    @Inject
    Revocations revocations;

    @Inject
    AgroalDataSource dataSource;

    private UUID newUser() {
        TestData.NewClinic clinic = data.clinicWithAdmin("Poll clinic");
        return (UUID) data.<Object>query("select id from app_user where email = ?1", clinic.adminEmail()).get(0);
    }

    private static UUID sessionOf(String accessToken) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        return UUID.fromString(new ObjectMapper().readTree(payload).get("sid").asText());
    }

    @Test
    void aRevocationWrittenByAnotherReplicaBitesWithinThePollInterval() throws Exception {
        TestData.NewClinic clinic = data.clinicWithAdmin("Other replica clinic");
        Session s = Actors.login(clinic.adminEmail());
        as(s.accessToken()).get("/v1/me").then().statusCode(200);
        // Another replica's logout: only the row, none of this replica's after-commit shortcut.
        data.execute("insert into token_revocation (user_id, family_id, reason) values (?1, ?2, 'logout')",
                s.userId(), sessionOf(s.accessToken()));
        long start = System.nanoTime();
        Response r;
        do {
            r = as(s.accessToken()).get("/v1/me");
            if (r.statusCode() == 401) {
                r.then().body("type", equalTo("https://glide.example/problems/token-revoked"));
                long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertTrue(ms < 2000, "refused after " + ms + " ms; the test poll interval is 200 ms");
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
        fail("the token still worked 3 s after another replica revoked its session");
    }

    @Test
    void aRevocationWhoseTransactionCommitsAfterALaterOneIsNotMissed() throws Exception {
        UUID user = newUser();
        UUID late = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            insert(slow, user, late);  // takes the smaller id and transaction id, commits last
            insert(fast, user, early); // autocommit: visible at once
            revocations.poll();
            assertTrue(revocations.revokedForTest().isRevoked(user, early));
            assertFalse(revocations.revokedForTest().isRevoked(user, late), "not committed yet");
            slow.commit();
        }
        revocations.poll();
        assertTrue(revocations.revokedForTest().isRevoked(user, late),
                "a poll by 'id greater than the last one seen' would have skipped it for good");
    }

    @Test
    void aReplicaThatCannotReadRevocationsFailsClosedAndRecoversWithTheNextRead() throws Exception {
        TestData.NewClinic clinic = data.clinicWithAdmin("Stale clinic");
        Session s = Actors.login(clinic.adminEmail());
        as(s.accessToken()).get("/v1/me").then().statusCode(200);
        revocations.pauseScheduledPolls(true);
        try {
            revocations.poll(); // waits for a scheduled poll in progress (same lock) ...
            Thread.sleep(100); // ... and lets one that was about to start finish
            revocations.pretendLastPollWasAgo(Duration.ofSeconds(21)); // the test profile keeps the 20 s default
            as(s.accessToken()).get("/v1/me").then().statusCode(503)
                    .body("type", equalTo("https://glide.example/problems/database-unavailable"))
                    .header("Retry-After", Matchers.notNullValue());
            // Operations without a token are not affected.
            Api.api().body(Map.of("email", clinic.adminEmail(), "password", TestData.PASSWORD))
                    .post("/v1/auth/login").then().statusCode(200);
        } finally {
            revocations.pauseScheduledPolls(false);
        }
        revocations.poll();
        as(s.accessToken()).get("/v1/me").then().statusCode(200);
    }

    private static void insert(Connection c, UUID user, UUID family) throws Exception {
        try (PreparedStatement s = c.prepareStatement(
                "insert into token_revocation (user_id, family_id, reason) values (?, ?, 'logout')")) {
            s.setObject(1, user);
            s.setObject(2, family);
            s.executeUpdate();
        }
    }
}
