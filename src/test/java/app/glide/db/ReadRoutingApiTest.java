package app.glide.db;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.outsideContract;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.export.ExportJob;
import app.glide.export.PatientHistory;
import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Read routing through the API with the {@code read} data source as a pool of its own (same
 * database, its own application_name, so its connections can be told apart): the lag-tolerant
 * endpoints run their reads on it and answer as the contract says; the phone's own progress
 * stays on the primary; a read the read pool fails (its connections killed) runs again on the
 * primary and still answers 200. The "replica" is not in recovery, so its lag is 0 (real
 * replication: ReadRouterReplicationTest).
 */
@QuarkusTest
@TestProfile(ReadRoutingApiTest.SecondPool.class)
class ReadRoutingApiTest {

    static final String APPLICATION_NAME = "glide-read-" + UUID.randomUUID().toString().substring(0, 8);

    public static class SecondPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "glide.read-replica.enabled", "true",
                    "glide.read-replica.jdbc-url", "${quarkus.datasource.jdbc.url}&ApplicationName=" + APPLICATION_NAME,
                    // Checked by the test itself (checkNow), not by the timer, so that no check races it.
                    "glide.read-replica.check-every", "1h",
                    // A measurement good for a minute: a slow machine between checkNow() and the read
                    // does not expire it (the export tests compare lag with the request's age, not this).
                    "glide.read-replica.max-lag", "1m",
                    // Small enough to exhaust in a test.
                    "quarkus.datasource.read.jdbc.max-size", "3");
        }
    }

    @Inject
    TestData data;

    @Inject
    ReadRouting routing;

    @Inject
    MeterRegistry meters;

    @Inject
    ExportJob exports;

    @Inject
    Sql sql;

    @Inject
    java.time.Clock clock;

    @Inject
    @io.quarkus.agroal.DataSource("read")
    io.agroal.api.AgroalDataSource readPool;

    ClinicWorld world;

    @BeforeEach
    void setUp() {
        world = ClinicWorld.create(data, "Read routing clinic");
        routing.checkNow();
        assertEquals(ReadRouter.Route.REPLICA, routing.router().route(), "failure: " + routing.router().failure());
    }

    @Test
    void theCaseloadAndTheStaffProgressReadOnTheReadPool() {
        routing.checkNow();
        double before = routed("replica");
        as(world.therapistA().accessToken()).get("/v1/caseload").then().statusCode(200)
                .body("items[0].patientId", equalTo(world.patient().id().toString()));
        assertEquals(before + 1, routed("replica"), "the caseload's one statement ran on the read pool");
        assertTrue(readPoolConnections() > 0, "the read pool has connections of its own");

        double progressBefore = routed("replica");
        as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/progress").then()
                .statusCode(200).body("patientId", equalTo(world.patient().id().toString()));
        assertEquals(progressBefore + 5, routed("replica"), "the series' roll-ups, sessions, items, markers and events");
        // Object-level authorisation is the primary's (Hibernate) and unchanged: another therapist gets 404.
        as(world.therapistB().accessToken()).get("/v1/patients/" + world.patient().id() + "/progress").then()
                .statusCode(404);
    }

    @Test
    void aLagTolerantReadInsideATransactionStaysOnThePrimary() {
        routing.checkNow();
        double transaction = routed("transaction");
        double replica = routed("replica");
        int one = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                routing.lagTolerant(() -> sql.first("select 1", rs -> rs.getInt(1)).orElseThrow()));
        assertEquals(1, one);
        assertEquals(transaction + 1, routed("transaction"));
        assertEquals(replica, routed("replica"));
        // The same read outside a transaction is routed.
        routing.lagTolerant(() -> sql.first("select 1", rs -> rs.getInt(1)));
        assertEquals(replica + 1, routed("replica"));
    }

    @Test
    void thePhonesOwnProgressStaysOnThePrimary() {
        double before = total();
        as(world.patientSession().accessToken()).get("/v1/me/progress").then().statusCode(200);
        assertEquals(before, total(), "read-your-own-writes: the phone's series is never routed");
    }

    @Test
    void anExportIsBuiltOnTheReadPoolInOneSnapshot() throws IOException {
        PatientHistory history = PatientHistory.create(world.therapistA(), "Routed export " + UUID.randomUUID(), "Marker-routed");
        String token = history.patient().accessToken();
        String id = as(token).post("/v1/me/exports").then().statusCode(202).extract().path("id");
        double before = routed("replica");
        double failedBefore = routed("replica-failed");
        // A measurement is good for the bound (5 s) only; creating the history may take longer.
        routing.checkNow();
        java.time.Instant checked = clock.instant();
        assertTrue(exports.runOnce() >= 1);
        assertEquals(before + 1, routed("replica"), "the build took the replica snapshot");
        assertEquals(failedBefore, routed("replica-failed"), "and finished there");
        byte[] zip = as(token).get("/v1/me/exports/" + id + "/download").then().statusCode(200).extract().asByteArray();
        Map<String, String> files = unzip(zip);
        assertTrue(files.get("sessions.json").contains("Felt fine, Marker-routed"), files.get("sessions.json"));
        assertTrue(files.get("manifest.json").contains(id));
        java.util.regex.Matcher asOf = java.util.regex.Pattern.compile("\"asOf\":\"([^\"]+)\"").matcher(files.get("manifest.json"));
        assertTrue(asOf.find(), files.get("manifest.json"));
        // The replica was last known to hold what was committed before the check: the copy says no more.
        assertTrue(!java.time.Instant.parse(asOf.group(1)).isAfter(checked),
                "asOf " + asOf.group(1) + " not after the last check's moment " + checked);
    }

    @Test
    void anExportRequestedAfterTheLastCheckIsBuiltOnThePrimary() {
        PatientHistory history = PatientHistory.create(world.therapistA(), "Fresh export " + UUID.randomUUID(), "Marker-fresh");
        String token = history.patient().accessToken();
        routing.checkNow(); // the replica is known to hold what was committed before now ...
        String id = as(token).post("/v1/me/exports").then().statusCode(202).extract().path("id");
        // ... but not (as far as the router knows) the request, nor what the patient wrote just before it.
        double lagBefore = routed("lag");
        double replicaBefore = routed("replica");
        assertTrue(exports.runOnce() >= 1);
        assertEquals(lagBefore + 1, routed("lag"), "built on the primary");
        assertEquals(replicaBefore, routed("replica"));
        as(token).get("/v1/me/exports/" + id).then().statusCode(200).body("status", equalTo("READY"));
    }

    @Test
    void aReadThePoolFailsRunsAgainOnThePrimary() {
        routing.checkNow();
        as(world.therapistA().accessToken()).get("/v1/caseload").then().statusCode(200); // the read pool has a connection
        List<?> killed = data.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
                APPLICATION_NAME);
        assertTrue(!killed.isEmpty(), "read pool connections to end");
        double failedBefore = routed("replica-failed");
        as(world.therapistA().accessToken()).get("/v1/caseload").then().statusCode(200)
                .body("items[0].patientId", equalTo(world.patient().id().toString()));
        assertEquals(failedBefore + 1, routed("replica-failed"), "the dead connection failed, the primary answered");
        assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, routing.router().route(), "until the next check succeeds");
        double unknownBefore = routed("unknown");
        as(world.therapistA().accessToken()).get("/v1/caseload").then().statusCode(200);
        assertEquals(unknownBefore + 1, routed("unknown"));
        outsideContract().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // The dead connections were dropped: the next check and the next read use the read pool again.
        routing.checkNow();
        assertEquals(ReadRouter.Route.REPLICA, routing.router().route(), "failure: " + routing.router().failure());
        double replicaBefore = routed("replica");
        as(world.therapistA().accessToken()).get("/v1/caseload").then().statusCode(200);
        assertEquals(replicaBefore + 1, routed("replica"));
        assertEquals(failedBefore + 1, routed("replica-failed"));
    }

    @Test
    void anExhaustedReadPoolSendsOnlyThatReadToThePrimaryAndKeepsTheLag() throws Exception {
        routing.checkNow();
        List<java.sql.Connection> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(readPool.getConnection());
            }
            double exhausted = routed("pool-exhausted");
            double failed = routed("replica-failed");
            int one = routing.lagTolerant(() -> sql.first("select 1", rs -> rs.getInt(1)).orElseThrow());
            assertEquals(1, one, "answered by the primary");
            assertEquals(exhausted + 1, routed("pool-exhausted"));
            assertEquals(failed, routed("replica-failed"), "a busy pool is not a failed replica");
            assertEquals(ReadRouter.Route.REPLICA, routing.router().route(), "the lag is kept");
            for (java.sql.Connection c : held) {
                assertTrue(c.isValid(1), "the pool was not flushed under the held connections");
            }
        } finally {
            for (java.sql.Connection c : held) {
                c.close();
            }
        }
        double replica = routed("replica");
        routing.lagTolerant(() -> sql.first("select 1", rs -> rs.getInt(1)));
        assertEquals(replica + 1, routed("replica"), "the next read uses the read pool again");
    }

    @Test
    void theReadPoolHasASocketTimeout() throws Exception {
        try (java.sql.Connection c = readPool.getConnection()) {
            assertEquals(10_000, c.getNetworkTimeout(), "quarkus.datasource.read.jdbc.additional-jdbc-properties.socketTimeout");
        }
    }

    @Test
    void aWriteInsideAReplicaSnapshotIsABug() {
        routing.checkNow();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> routing.onReplicaSnapshot(java.time.Duration.ofHours(1), behind -> sql.update("select 1")));
        assertTrue(e.getMessage().contains("onReplicaSnapshot"), e.getMessage());
    }

    private double routed(String route) {
        return meters.get("glide.read.routed").tag("route", route).counter().count();
    }

    private double total() {
        return meters.get("glide.read.routed").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private int readPoolConnections() {
        return ((Number) data.query("select count(*) from pg_stat_activity where application_name = ?", APPLICATION_NAME)
                .get(0)).intValue();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
