package app.glide.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Headers every response carries, whatever produced it (our resources, the framework's
 * errors, health): nothing with personal data or credentials may be stored by a cache or
 * a browser ({@code Cache-Control: no-store}); the plan, which phones revalidate with its
 * ETag, may be kept by the phone only and must be revalidated ({@code private, no-cache});
 * content types are not sniffed ({@code nosniff}); and over TLS (directly, or as the proxy
 * says in {@code X-Forwarded-Proto} when forwarding is trusted) browsers are told to stay
 * on HTTPS ({@code Strict-Transport-Security}).
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The plan as the phone and the care team read it: conditional requests keep working. */
    private static final Pattern REVALIDATED = Pattern.compile("/v1/me/plan|/v1/patients/[^/]+/plan");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 102).handler(this::add); // after RequestIds and GracefulShutdown
    }

    private void add(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            var headers = ctx.response().headers();
            if (!headers.contains("Cache-Control")) {
                boolean revalidated = ctx.request().method() == HttpMethod.GET
                        && REVALIDATED.matcher(ctx.normalizedPath()).matches();
                headers.set("Cache-Control", revalidated ? "private, no-cache" : "no-store");
            }
            headers.set("X-Content-Type-Options", "nosniff");
            if (ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().scheme())) {
                headers.set("Strict-Transport-Security", "max-age=31536000");
            }
        });
        ctx.next();
    }
}
