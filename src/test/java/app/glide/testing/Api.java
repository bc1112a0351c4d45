package app.glide.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import app.glide.web.RollbackGuard;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way tests talk to the API. Every request and every response is validated
 * against the contract, openapi.yaml at the repository root; a mismatch fails the test.
 * Tests that deliberately send what the contract forbids (a missing token, a malformed
 * body) say so with {@link #sendingInvalidRequest()}: the response is still validated.
 */
public final class Api {

    private static final String SPEC = Path.of("openapi.yaml").toAbsolutePath().toUri().toString();

    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build());

    private static final OpenApiValidationFilter RESPONSE_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    /** Each spec comes from its own client address so rate limits of one test do not leak into others. */
    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    /** A request whose request and response must both match the contract. */
    public static RequestSpecification api() {
        return api(nextClientAddress());
    }

    /** As {@link #api()}, from the given client address (X-Forwarded-For). */
    public static RequestSpecification api(String clientAddress) {
        return base(clientAddress).filter(STRICT);
    }

    public static RequestSpecification as(String accessToken) {
        return api().auth().oauth2(accessToken);
    }

    /** A request that deliberately breaks the contract; only the response is validated. */
    public static RequestSpecification sendingInvalidRequest() {
        return base(nextClientAddress()).filter(RESPONSE_ONLY);
    }

    public static RequestSpecification sendingInvalidRequest(String clientAddress) {
        return base(clientAddress).filter(RESPONSE_ONLY);
    }

    /**
     * For paths or methods the contract does not have at all (unknown path 404, 405): no
     * operation to validate against, so the test asserts the problem shape itself.
     */
    public static RequestSpecification outsideContract() {
        return base(nextClientAddress());
    }

    public static String nextClientAddress() {
        int n = CLIENTS.getAndIncrement();
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    private static RequestSpecification base(String clientAddress) {
        return RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", clientAddress)
                .filter(COMMITTED);
    }

    /**
     * Every request: no transaction of it may have rolled back while it answered 2xx. The
     * server's {@link RollbackGuard} turns such an answer into a 500; this checks it
     * independently, per request, by the guard's count in this JVM (tests run in the
     * application's JVM).
     */
    private static final Filter COMMITTED = (request, response, ctx) -> {
        long before = RollbackGuard.caughtSoFar();
        Response r = ctx.next(request, response);
        long after = RollbackGuard.caughtSoFar();
        if (after != before) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " would have answered 2xx although"
                    + " a transaction of it rolled back (answered " + r.getStatusCode() + ")");
        }
        return r;
    };
}
