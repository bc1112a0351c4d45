package app.glide.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /q/openapi}: the API contract, {@code openapi.yaml} from the repository root as the
 * build copied it into the jar, byte for byte; {@code ?format=json} (or {@code Accept:
 * application/json} without YAML) gets the same document as JSON. Public, like health.
 *
 * <p>Served from a route of our own, read on the first request, rather than by SmallRye OpenAPI:
 * that extension parsed the 400 KB document and serialised it to JSON and to YAML at every start,
 * before the first request, for a document that never changes: about 1 s of wall-clock time and
 * 1.9 s of CPU of a replica's start (docs/benchmarks.md "Start time").
 */
@ApplicationScoped
public class ContractRoute {

    static final String PATH = "/q/openapi";
    private static final String RESOURCE = "META-INF/openapi.yaml";

    private volatile byte[] yaml;
    private volatile byte[] json;

    void install(@Observes Router router) {
        // Blocking: the first request reads the jar (and converts to JSON once).
        router.get(PATH).blockingHandler(this::serve, false);
    }

    private void serve(RoutingContext ctx) {
        boolean asJson = wantsJson(ctx.request().getParam("format"), ctx.request().getHeader("Accept"));
        byte[] body = asJson ? json() : yaml();
        ctx.response()
                .putHeader("Content-Type", asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                .end(Buffer.buffer(body));
    }

    /** JSON when asked by name ({@code ?format=json}) or by an Accept header that names JSON and not YAML. */
    static boolean wantsJson(String format, String accept) {
        if (format != null) {
            return "json".equalsIgnoreCase(format);
        }
        return accept != null && accept.contains("json") && !accept.contains("yaml");
    }

    private byte[] yaml() {
        byte[] y = yaml;
        if (y == null) {
            try (InputStream in = ContractRoute.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not in the jar: the build copies openapi.yaml there");
                }
                y = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            yaml = y;
        }
        return y;
    }

    private byte[] json() {
        byte[] j = json;
        if (j == null) {
            try {
                j = new ObjectMapper().writeValueAsBytes(new YAMLMapper().readTree(yaml()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json = j;
        }
        return j;
    }
}
