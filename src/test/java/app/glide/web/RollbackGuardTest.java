package app.glide.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The guard that keeps "2xx means committed" true even when code breaks it. */
@QuarkusTest
class RollbackGuardTest {

    @Test
    void aRequestWhoseTransactionRolledBackSilentlyAnswers500NotItsPromisedStatus() {
        long before = RollbackGuard.caughtSoFar();
        double metricBefore = metric();
        // Not through testing/Api: its per-request check would (rightly) fail this request.
        RestAssured.given().post("/test-only/silent-rollback?refuse=true").then()
                .statusCode(500)
                .contentType("application/problem+json")
                .header("ETag", nullValue())
                .body("type", equalTo("https://glide.example/problems/internal"))
                .body("detail", containsString("not saved"));
        assertEquals(before + 1, RollbackGuard.caughtSoFar());
        assertEquals(metricBefore + 1, metric(), 1e-9);
    }

    @Test
    void aRequestWhoseTransactionCommittedKeepsItsStatus() {
        long before = RollbackGuard.caughtSoFar();
        RestAssured.given().post("/test-only/silent-rollback?refuse=false").then().statusCode(201);
        assertEquals(before, RollbackGuard.caughtSoFar());
    }

    /** Metrics are served on the management interface (a random port in tests). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private double metric() {
        String body = RestAssured.given().port(management.getPort()).get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith("glide_transactions_silent_rollbacks_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
