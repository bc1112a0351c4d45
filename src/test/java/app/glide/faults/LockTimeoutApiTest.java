package app.glide.faults;

import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A session upload that meets a lock held elsewhere waits at most lock_timeout and answers
 * 503 try-again (it waited for ever before); the retry with the same id stores it.
 */
@QuarkusTest
class LockTimeoutApiTest {


    @Inject
    TestData data;

    @Test
    void aWriteBlockedByALockAnswers503TryAgainWithinSecondsAndTheRetryStoresIt() throws Exception {
        ClinicWorld world = ClinicWorld.create(data, "Lock clinic");
        String bridge = as(world.therapistA().accessToken()).queryParam("q", "glute-bridge").get("/v1/exercises").then()
                .extract().jsonPath().getString("items.find { it.slug == 'glute-bridge' }.id");
        List<String> everyDay = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        JsonPath plan = as(world.therapistA().accessToken())
                .body(Map.of("reason", "Start", "items", List.of(Map.of("exerciseId", bridge,
                        "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", everyDay)))))
                .put("/v1/patients/" + world.patient().id() + "/plan").then().statusCode(201).extract().jsonPath();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(2)).minusHours(3).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> session = Actors.sessionBody(plan.getString("id"), plan.getInt("revision"), start, 20, 3, 4, 2, 5,
                "BUTTOCK", List.of(Map.of("itemId", plan.getString("items[0].id"), "status", "DONE")));
        UUID id = UUID.randomUUID();
        String token = world.patientSession().accessToken();

        String schema = (String) data.<Object>query("select current_schema()").get(0);
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection locker = DriverManager.getConnection(url, "postgres", "postgres")) {
            locker.setAutoCommit(false);
            try (var st = locker.prepareStatement("select 1 from " + schema + ".patient where id = ? for update")) {
                st.setObject(1, world.patient().id());
                st.executeQuery().close();
            }
            long began = System.nanoTime();
            Future<Response> blocked = pool.submit(() -> as(token).body(session).put("/v1/me/sessions/" + id));
            Response r = blocked.get(15, TimeUnit.SECONDS); // before: waited as long as the lock was held
            long millis = (System.nanoTime() - began) / 1_000_000;
            r.then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://glide.example/problems/try-again"));
            assertTrue(millis < 6_000, "answered after " + millis + " ms");
            locker.rollback();
        } finally {
            pool.shutdownNow();
        }
        as(token).body(session).put("/v1/me/sessions/" + id).then().statusCode(201);
        as(token).body(session).put("/v1/me/sessions/" + id).then().statusCode(200);
    }
}
