package app.glide.db;

import static app.glide.testing.Api.as;
import static app.glide.testing.Api.outsideContract;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A configured read replica that is down (nothing listens on its port): the lag-tolerant
 * endpoints answer from the primary (never 503), the fallback is counted, and readiness, which
 * tracks the primary only, stays UP.
 */
@QuarkusTest
@TestProfile(ReplicaDownApiTest.ReplicaDown.class)
class ReplicaDownApiTest {

    public static class ReplicaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "glide.read-replica.enabled", "true",
                    "glide.read-replica.jdbc-url", "jdbc:postgresql://127.0.0.1:1/postgres?connectTimeout=1",
                    "glide.read-replica.check-every", "200ms");
        }
    }

    @Inject
    TestData data;

    @Inject
    ReadRouting routing;

    @Inject
    MeterRegistry meters;

    @Test
    void theEndpointsAnswerFromThePrimaryAndReadinessStaysUp() {
        ClinicWorld world = ClinicWorld.create(data, "Replica down clinic");
        routing.checkNow();
        assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, routing.router().route());
        assertTrue(routing.router().failure().isPresent());
        double before = meters.get("glide.read.routed").tag("route", "unknown").counter().count();
        as(world.therapistA().accessToken()).get("/v1/caseload").then().statusCode(200)
                .body("items[0].patientId", equalTo(world.patient().id().toString()));
        as(world.therapistA().accessToken()).get("/v1/patients/" + world.patient().id() + "/progress").then()
                .statusCode(200);
        assertEquals(before + 6, meters.get("glide.read.routed").tag("route", "unknown").counter().count(),
                "the caseload's statement and the series' five, all on the primary");
        outsideContract().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        assertTrue(Double.isNaN(meters.get("glide.read.replica.lag").gauge().value()), "lag unknown");
    }
}
