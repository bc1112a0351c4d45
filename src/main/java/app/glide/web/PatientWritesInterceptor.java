package app.glide.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The per-patient bulkhead: at most {@code glide.bulkhead.per-patient} writes for one
 * patient run at a time in this replica; the others wait up to {@code glide.bulkhead.wait}
 * without holding a database connection, then answer 503 {@code try-again}. Together with
 * the short {@code lock_timeout}, a patient whose rows are locked costs the pool at most
 * that many connections for at most that long, and every other patient is served.
 */
@PatientWrites
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PatientWritesInterceptor {

    private static final Pattern STAFF_PATH = Pattern.compile("^/v1/patients/([0-9a-fA-F-]{36})(?:/.*)?$");

    @Inject
    CurrentVertxRequest request;

    @Inject
    JsonWebToken jwt;

    @Inject
    PatientBulkhead bulkhead;

    @Inject
    DbOutages outages;

    @AroundInvoke
    Object around(InvocationContext ic) throws Exception {
        UUID patient = patientOf(request.getCurrent());
        if (patient == null) {
            return ic.proceed();
        }
        if (!bulkhead.enter(patient)) {
            outages.bulkheadFull(request.getCurrent().normalizedPath());
            throw new ApiProblem(503, "try-again", "Try again",
                    "Other requests for this patient are still being processed; nothing was saved. Try again after Retry-After seconds.",
                    null, Map.of("Retry-After", "2"));
        }
        try {
            return ic.proceed();
        } finally {
            bulkhead.exit(patient);
        }
    }

    private UUID patientOf(RoutingContext ctx) {
        if (ctx == null) {
            return null;
        }
        String method = ctx.request().method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null; // reads take no row locks
        }
        String path = ctx.normalizedPath();
        if (path.startsWith("/v1/me/")) {
            try {
                String subject = jwt.getSubject();
                return subject == null ? null : UUID.fromString(subject);
            } catch (RuntimeException noToken) {
                return null;
            }
        }
        Matcher m = STAFF_PATH.matcher(path);
        if (m.matches()) {
            try {
                return UUID.fromString(m.group(1));
            } catch (IllegalArgumentException notAUuid) {
                return null;
            }
        }
        return null;
    }
}
