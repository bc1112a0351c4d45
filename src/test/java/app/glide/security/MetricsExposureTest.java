package app.glide.security;

import static app.glide.testing.Api.outsideContract;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.Actors.ClinicWorld;
import app.glide.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Pattern;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 9: metrics are not served on the public port (only on the management
 * interface, which is not routed to clients), and no label carries a raw path: an unmatched
 * route is counted under a fixed name, never under the ids a client put in it.
 */
@QuarkusTest
class MetricsExposureTest {

    static final Pattern UUID_IN_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    TestData data;

    /** The management interface, where metrics are (a random port in tests; see application.properties). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void metricsAreNotOnThePublicPort() {
        outsideContract().get("/q/metrics").then().statusCode(404);
        // Health stays where load balancers and probes look for it.
        outsideContract().get("/q/health/ready").then().statusCode(200);
        assertNotEquals(RestAssured.port, management.getPort());
        RestAssured.given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unmatchedRoutesAreNotLabelledWithTheirPaths() {
        ClinicWorld world = ClinicWorld.create(data, "Metrics clinic");
        String id = UUID.randomUUID().toString();
        outsideContract().get("/v1/patients/" + id + "/xyz").then().statusCode(404);
        outsideContract().auth().oauth2(world.therapistA().accessToken()).get("/v1/patients/" + id + "/xyz")
                .then().statusCode(404);
        outsideContract().auth().oauth2(world.therapistA().accessToken()).post("/v1/nothing/" + id).then().statusCode(404);
        outsideContract().get("/" + id).then().statusCode(404);
        // 405: a path of the API with a method it does not have matched no route either.
        outsideContract().auth().oauth2(world.therapistA().accessToken()).delete("/v1/patients/" + id).then().statusCode(405);
        outsideContract().auth().oauth2(world.therapistA().accessToken()).get("/v1/me/sessions/" + id).then().statusCode(405);
        outsideContract().delete("/v1/patients/" + id).then().statusCode(405);
        String metrics = RestAssured.given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "HTTP requests are counted");
        assertFalse(metrics.contains(id), "the random id appears in a label");
        metrics.lines().filter(l -> l.startsWith("http_server_requests")).forEach(l ->
                assertFalse(UUID_IN_TEXT.matcher(l).find(), "a label carries an id: " + l));
    }
}
