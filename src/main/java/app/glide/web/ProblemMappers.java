package app.glide.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Renders every failure — ours and the framework's — as RFC 9457
 * {@code application/problem+json}. Client mistakes never become 500; a 500 never carries
 * a stack trace, only the request id to quote.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    RequestIds requestIds;

    @Inject
    DbOutages outages;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return render(problem, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        return render(ValidationProblems.of(e.getConstraintViolations()), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return render(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return render(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return render(unauthorizedProblem(headers, e), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return render(unauthorizedProblem(headers, e), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return render(new ApiProblem(403, "forbidden", "Not allowed",
                "Your role may not use this operation."), uri);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ApiProblem problem = switch (status) {
            case 404 -> new ApiProblem(404, "not-found", "Not found",
                    "There is no resource at " + uri.getPath() + ".");
            case 405 -> new ApiProblem(405, "method-not-allowed", "Method not allowed",
                    "This resource does not support that method.", null, allowHeader(e));
            case 406 -> new ApiProblem(406, "not-acceptable", "Not acceptable",
                    "This resource answers application/json (errors: application/problem+json).");
            case 413 -> ApiProblem.payloadTooLarge("The request body is larger than this API accepts.");
            case 415 -> new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "Send the request body as application/json.");
            default -> new ApiProblem(status, "bad-request", "Bad request",
                    e.getMessage() == null ? "The request could not be understood." : e.getMessage());
        };
        return render(problem, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        DbFailure.Kind db = DbFailure.classify(e);
        if (db != null) {
            outages.failed(db, e, uri == null ? "?" : uri.getPath());
            return render(databaseProblem(db), uri);
        }
        if (clientWentAway(e)) {
            LOG.debugf("Client closed the connection during %s (request %s)", uri.getPath(), requestIds.current());
        } else {
            LOG.errorf(e, "Unexpected error on %s (request %s)", uri.getPath(), requestIds.current());
        }
        return render(new ApiProblem(500, "internal", "Internal error",
                "Something went wrong on our side. Quote the request id when you contact support."), uri);
    }

    /**
     * The answer to an expected database failure: 503 with Retry-After, never a stack
     * trace ({@link DbOutages} logs one WARN per outage). Every write of the API is safe
     * to repeat (sessions by their UUID, plan changes by If-Match), so the client retries.
     */
    public static ApiProblem databaseProblem(DbFailure.Kind kind) {
        Map<String, String> retry = Map.of("Retry-After", Integer.toString(kind.retryAfterSeconds()));
        return switch (kind) {
            case UNAVAILABLE -> new ApiProblem(503, "database-unavailable", "Service unavailable",
                    "The database cannot be reached right now, or no connection to it was free in time. Nothing was"
                            + " saved; try again after Retry-After seconds (repeating a request is safe).", null, retry);
            case CONTENTION -> new ApiProblem(503, "try-again", "Try again",
                    "The request collided with other work on the same data or ran out of time. Nothing was saved;"
                            + " try again after Retry-After seconds (repeating a request is safe).", null, retry);
            case COMMIT_UNKNOWN -> new ApiProblem(503, "commit-outcome-unknown", "Outcome unknown",
                    "The database failed while saving: the change may or may not have been saved. Repeat the same"
                            + " request after Retry-After seconds: a session upload (same id) answers the stored session"
                            + " if it was saved and saves it if not; a change sent with If-Match answers 412 if it was"
                            + " saved (reload and check).", null, retry);
        };
    }

    /** A client that hung up mid-request is not a server error worth a stack trace. */
    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException
                    || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private static ApiProblem unauthorizedProblem(HttpHeaders headers, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiProblem specific) {
                return specific; // a verified token refused as revoked (auth/Revocations)
            }
        }
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return ApiProblem.unauthorized("unauthorized", "This operation needs an access token (Authorization: Bearer ...).");
        }
        if (isExpired(e)) {
            return ApiProblem.unauthorized("token-expired", "The access token has expired; refresh it.");
        }
        return ApiProblem.unauthorized("invalid-token", "The access token is not valid.");
    }

    private static boolean isExpired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException ije && ije.hasExpired()) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> allowHeader(WebApplicationException e) {
        if (e instanceof NotAllowedException && e.getResponse().getHeaderString("Allow") != null) {
            return Map.of("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return null;
    }

    private Response render(ApiProblem p, UriInfo uri) {
        Problem body = new Problem(p.type().toString(), p.title(), p.status(), p.detail(),
                uri == null ? null : uri.getPath(), requestIds.current(), p.errors(), p.extensions());
        Response.ResponseBuilder builder = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(body);
        p.headers().forEach(builder::header);
        return builder.build();
    }
}
