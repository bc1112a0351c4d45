package app.glide.web;

import static app.glide.testing.Api.outsideContract;
import static app.glide.testing.Api.sendingInvalidRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Every class of error, ours and the framework's, is an RFC 9457 problem with a request id. */
@QuarkusTest
class ProblemTest {

    private static void isProblem(ValidatableResponse r, int status, String slug) {
        r.statusCode(status)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://glide.example/problems/" + slug))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("requestId", notNullValue());
    }

    @Test
    void unknownPathIs404() {
        isProblem(outsideContract().get("/v1/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void wrongMethodIs405() {
        isProblem(outsideContract().delete("/v1/auth/login").then(), 405, "method-not-allowed");
    }

    @Test
    void wrongMediaTypeIs415() {
        isProblem(sendingInvalidRequest().contentType(ContentType.TEXT).body("email=a")
                .post("/v1/auth/login").then(), 415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIs400() {
        isProblem(sendingInvalidRequest().body("{\"email\": ").post("/v1/auth/login").then(), 400, "malformed-json");
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        isProblem(sendingInvalidRequest().body("{\"email\": \"a@b.example\", \"password\": [1]}")
                .post("/v1/auth/login").then(), 400, "validation");
        sendingInvalidRequest().body("{\"email\": \"a@b.example\", \"password\": [1]}")
                .post("/v1/auth/login").then().body("errors[0].field", equalTo("password"));
    }

    @Test
    void missingBodyIs400() {
        isProblem(sendingInvalidRequest().post("/v1/auth/login").then(), 400, "validation");
    }

    @Test
    void validationListsEveryField() {
        sendingInvalidRequest().body(Map.of("email", "nope")).post("/v1/auth/login").then()
                .statusCode(400)
                .body("errors.field", Matchers.contains("email", "password"))
                .body("errors.message", Matchers.everyItem(notNullValue()));
    }

    @Test
    void anUnexpectedErrorIs500WithoutInternals() {
        outsideContract().get("/test-only/boom").then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glide.example/problems/internal"))
                .body("requestId", notNullValue())
                .body(not(containsString("Internal.java")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void theRequestIdIsTakenFromTheClientOrGenerated() {
        outsideContract().header("X-Request-Id", "mobile-7f3a.42").get("/q/health/live").then()
                .header("X-Request-Id", equalTo("mobile-7f3a.42"));
        sendingInvalidRequest().header("X-Request-Id", "mobile-7f3a.43").get("/v1/me").then()
                .statusCode(401)
                .header("X-Request-Id", equalTo("mobile-7f3a.43"))
                .body("requestId", equalTo("mobile-7f3a.43"));
        // Unsafe values are replaced, not echoed.
        outsideContract().header("X-Request-Id", "<script>").get("/q/health/live").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
