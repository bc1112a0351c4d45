package app.glide.reminder;

import static app.glide.testing.Api.api;
import static app.glide.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PUT/GET/DELETE /v1/me/devices: idempotent registration, a token replaced and taken over, removal,
 * logout removing the session's device, token shapes, and another user's device never found.
 */
@QuarkusTest
class DeviceApiTest {

    @Inject
    TestData data;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Device clinic");
    }

    String phone() {
        return world.patientSession().accessToken();
    }

    static String apns() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    static Map<String, Object> body(String platform, String token) {
        return new HashMap<>(Map.of("platform", platform, "pushToken", token, "appVersion", "2.3.1", "locale", "de-DE",
                "timeZone", "Europe/Berlin"));
    }

    static String path(UUID installation) {
        return "/v1/me/devices/" + installation;
    }

    long rowsWithToken(String token) {
        return ((Number) data.query("select count(*) from device where push_token = ?", token).get(0)).longValue();
    }

    @Test
    void registerIsAnIdempotentUpsertAndTheTokenCanBeReplaced() {
        UUID installation = UUID.randomUUID();
        String token = apns();
        as(phone()).body(body("APNS", token)).put(path(installation)).then().statusCode(201)
                .body("installationId", equalTo(installation.toString())).body("pushToken", equalTo(token));
        as(phone()).body(body("APNS", token)).put(path(installation)).then().statusCode(200);
        String replaced = apns();
        Map<String, Object> changed = body("APNS", replaced);
        changed.put("appVersion", "2.4.0");
        as(phone()).body(changed).put(path(installation)).then().statusCode(200).body("pushToken", equalTo(replaced))
                .body("appVersion", equalTo("2.4.0"));
        List<Map<String, Object>> mine = as(phone()).get("/v1/me/devices").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertEquals(1, mine.size());
        assertEquals(replaced, mine.get(0).get("pushToken"));
        assertEquals(0, rowsWithToken(token));
    }

    @Test
    void aTokenMovedToAnotherInstallationOrUserIsTakenOver() {
        String token = "fcm_" + "dK3:-".repeat(30);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        as(phone()).body(body("FCM", token)).put(path(first)).then().statusCode(201);
        as(phone()).body(body("FCM", token)).put(path(second)).then().statusCode(201);
        assertEquals(List.of(second.toString()), as(phone()).get("/v1/me/devices").then().statusCode(200).extract()
                .jsonPath().getList("items.installationId"));

        // The same phone, now signed in as another patient: the token is theirs; the first user's row goes.
        ClinicWorld other = ClinicWorld.create(data, "Device clinic 2");
        as(other.patientSession().accessToken()).body(body("FCM", token)).put(path(second)).then().statusCode(201);
        assertEquals(List.of(), as(phone()).get("/v1/me/devices").then().statusCode(200).extract().jsonPath()
                .getList("items"));
        assertEquals(1, rowsWithToken(token));
    }

    @Test
    void twoUsersRegisteringOneTokenAtOnceLeaveOneRowAndNoError() throws Exception {
        ClinicWorld other = ClinicWorld.create(data, "Device clinic 3");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String token = apns();
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> mine = pool.submit(() -> {
                    start.await();
                    return as(phone()).body(body("APNS", token)).put(path(UUID.randomUUID())).statusCode();
                });
                Future<Integer> theirs = pool.submit(() -> {
                    start.await();
                    return as(other.patientSession().accessToken()).body(body("APNS", token))
                            .put(path(UUID.randomUUID())).statusCode();
                });
                start.countDown();
                assertEquals(List.of(201, 201), List.of(mine.get(), theirs.get()), "round " + round);
                assertEquals(1, rowsWithToken(token), "round " + round + ": the later registration holds the token");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void removeIsOnceAndAnotherUsersDeviceIsNotFound() {
        UUID mine = UUID.randomUUID();
        as(phone()).body(body("APNS", apns())).put(path(mine)).then().statusCode(201);
        ClinicWorld other = ClinicWorld.create(data, "Device clinic 3");
        UUID theirs = UUID.randomUUID();
        as(other.patientSession().accessToken()).body(body("APNS", apns())).put(path(theirs)).then().statusCode(201);

        as(phone()).delete(path(theirs)).then().statusCode(404).body("type", equalTo(
                "https://glide.example/problems/not-found"));
        assertEquals(1, as(other.patientSession().accessToken()).get("/v1/me/devices").then().extract().jsonPath()
                .getList("items").size());
        as(phone()).delete(path(mine)).then().statusCode(204);
        as(phone()).delete(path(mine)).then().statusCode(404);
        assertEquals(List.of(), as(phone()).get("/v1/me/devices").then().statusCode(200).extract().jsonPath()
                .getList("items"));
    }

    @Test
    void logoutRemovesTheDevicesOfThatSession() {
        UUID installation = UUID.randomUUID();
        String token = apns();
        as(phone()).body(body("APNS", token)).put(path(installation)).then().statusCode(201);
        ClinicWorld other = ClinicWorld.create(data, "Device clinic 4");
        String theirToken = apns();
        as(other.patientSession().accessToken()).body(body("APNS", theirToken)).put(path(UUID.randomUUID())).then()
                .statusCode(201);

        as(phone()).body(Map.of("refreshToken", world.patientSession().refreshToken())).post("/v1/auth/logout").then()
                .statusCode(204);
        assertEquals(0, rowsWithToken(token));
        assertEquals(1, rowsWithToken(theirToken), "another user's session is untouched");
    }

    @Test
    void pushTokensOfTheWrongShapeAreRefusedAndNothingIsStored() {
        UUID installation = UUID.randomUUID();
        for (Map<String, Object> bad : List.of(body("APNS", "abc123"), body("APNS", "z".repeat(64)),
                body("APNS", "a".repeat(65)), body("FCM", "short"), body("FCM", "x".repeat(120) + "/+"))) {
            as(phone()).body(bad).put(path(installation)).then().statusCode(422)
                    .body("type", equalTo("https://glide.example/problems/invalid-push-token"));
        }
        assertEquals(List.of(), as(phone()).get("/v1/me/devices").then().statusCode(200).extract().jsonPath()
                .getList("items"));
        Map<String, Object> badZone = body("APNS", apns());
        badZone.put("timeZone", "Mars/Olympus");
        as(phone()).body(badZone).put(path(installation)).then().statusCode(400)
                .body("errors[0].field", equalTo("timeZone"));
    }

    @Test
    void patientsOnly() {
        String p = path(UUID.randomUUID());
        as(world.therapistA().accessToken()).body(body("APNS", apns())).put(p).then().statusCode(403);
        as(world.therapistA().accessToken()).get("/v1/me/devices").then().statusCode(403);
        as(world.admin().accessToken()).delete(p).then().statusCode(403);
        api().get("/v1/me/devices").then().statusCode(401);
        api().body(body("APNS", apns())).put(p).then().statusCode(401);
        api().delete(p).then().statusCode(401);
    }
}
