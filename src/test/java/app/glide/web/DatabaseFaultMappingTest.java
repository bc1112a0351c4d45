package app.glide.web;

import static app.glide.testing.Api.outsideContract;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Database failures as the mappers see them: 503 problems with Retry-After, never 500 (they were 500 before). */
@QuarkusTest
class DatabaseFaultMappingTest {

    @Test
    void databaseFailuresAre503WithRetryAfterAndASpecificType() {
        Map<String, String> expected = Map.of(
                "08006", "database-unavailable", "57P01", "database-unavailable", "53300", "database-unavailable",
                "40001", "try-again", "40P01", "try-again", "55P03", "try-again", "57014", "try-again",
                "commit", "commit-outcome-unknown");
        expected.forEach((state, slug) -> outsideContract().get("/test-only/db-fault/" + state).then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo(ApiProblem.TYPE_BASE + slug))
                .body("status", equalTo(503))
                .body("requestId", notNullValue())
                .body(not(containsString("simulated"))));
    }

    @Test
    void otherDatabaseErrorsStayInternal() {
        outsideContract().get("/test-only/db-fault/23505").then().statusCode(500)
                .body("type", equalTo(ApiProblem.TYPE_BASE + "internal"));
    }
}
