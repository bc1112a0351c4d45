package app.glide.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A client-facing failure with everything needed to render an RFC 9457 problem.
 * Services throw it; {@link ProblemMappers} renders it. The {@code slug} becomes the
 * problem {@code type} URI, so clients can branch on it.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_BASE = "https://glide.example/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;
    private final Map<String, Object> extensions = new java.util.LinkedHashMap<>();

    public ApiProblem(int status, String slug, String title, String detail,
                      List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Adds an RFC 9457 extension member (documented on the problem's response) to this new problem; returns it. */
    public ApiProblem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, null);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "not-found", "Not found", "No " + what + " with id " + id + ".");
    }

    public static ApiProblem badRequest(String slug, String title, String detail) {
        return new ApiProblem(400, slug, title, detail);
    }

    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(400, "validation", "Invalid request", "1 field is invalid.",
                List.of(new FieldError(field, message)), null);
    }

    public static ApiProblem unauthorized(String slug, String detail) {
        return new ApiProblem(401, slug, "Authentication failed", detail, null,
                Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiProblem conflict(String slug, String title, String detail) {
        return new ApiProblem(409, slug, title, detail);
    }

    public static ApiProblem unprocessable(String slug, String title, String detail) {
        return new ApiProblem(422, slug, title, detail);
    }

    /** 409 slug-taken: a clinic's library item ({@code what}: "An exercise", …) already has this slug. */
    public static ApiProblem slugTaken(String what, String slug) {
        return new ApiProblem(409, "slug-taken", "Slug already in use",
                what + " with slug '" + slug + "' already exists in your library.");
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(413, "payload-too-large", "Request body too large", detail);
    }

    public static ApiProblem malformedHttpRequest(String detail) {
        return new ApiProblem(400, "malformed-http-request", "Malformed HTTP request", detail);
    }

    public static ApiProblem tooManyAttempts(long retryAfterSeconds, String detail) {
        return new ApiProblem(429, "too-many-attempts", "Too many attempts", detail, null,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public record FieldError(String field, String message) {
    }
}
