package app.glide.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Takes {@code X-Request-Id} from the request (when it is a sane token) or generates one,
 * echoes it on every response — including health, metrics and framework errors — and puts
 * it in the logging MDC as {@code requestId}.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "glide.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Inject
    CurrentVertxRequest currentRequest;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::assign);
    }

    private void assign(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !SAFE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        MDC.put("requestId", id);
        ctx.next();
    }

    /** The current request's id, or null outside an HTTP request (scheduled jobs, startup). */
    public String current() {
        try {
            RoutingContext ctx = currentRequest.getCurrent();
            return ctx == null ? null : ctx.get(KEY);
        } catch (RuntimeException notInRequest) {
            return null;
        }
    }
}
