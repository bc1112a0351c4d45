package app.glide.ops;

import static app.glide.testing.Api.outsideContract;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.TestData;
import app.glide.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    /** Metrics are served on the management interface (a random port in tests). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    TestData data;

    @Test
    void healthAndMetricsAreUpWithoutAToken() {
        outsideContract().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        outsideContract().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", Matchers.hasItem(containsString("Database")));
        // Metrics only on the management interface (security/MetricsExposureTest).
        RestAssured.given().port(management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theServedContractIsOpenapiYamlByteForByteWithoutAToken() throws Exception {
        byte[] file = Files.readAllBytes(Path.of("openapi.yaml"));
        for (String accept : new String[] {"application/yaml", "*/*"}) {
            byte[] served = outsideContract().accept(accept).get("/q/openapi").then()
                    .statusCode(200).contentType(containsString("application/yaml")).extract().asByteArray();
            assertArrayEquals(file, served, "Accept: " + accept);
        }
    }

    @Test
    void theContractAsJsonIsTheSameDocument() throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi.yaml").toFile());
        JsonNode byFormat = new ObjectMapper().readTree(outsideContract().get("/q/openapi?format=json").then()
                .statusCode(200).contentType(containsString("application/json")).extract().asByteArray());
        JsonNode byAccept = new ObjectMapper().readTree(outsideContract().accept("application/json").get("/q/openapi")
                .then().statusCode(200).contentType(containsString("application/json")).extract().asByteArray());
        assertEquals(file, byFormat);
        assertEquals(file, byAccept);
    }

    @Test
    void testsRunInTheirOwnSchemaNeverTheDevOne() {
        String schema = (String) data.<Object>query("select current_schema()").get(0);
        assertTrue(schema.startsWith(TestDatabase.SCHEMA_PREFIX), "test schema was " + schema);
        // Tests have created clinics and users by now (this class's own world at least);
        // none of them may have landed in the dev schema.
        data.clinicWithAdmin("Fingerprint clinic");
        assertEquals(System.getProperty(TestDatabase.DEV_FINGERPRINT), TestDatabase.devFingerprint());
    }
}
