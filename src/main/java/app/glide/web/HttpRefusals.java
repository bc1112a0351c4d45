package app.glide.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.TooLongFrameException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerConnectionHandler;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.http.impl.HttpServerWorker;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refusals that happen before RESTEasy sees a request, answered as problems like every other
 * error (with {@code X-Request-Id}, {@code Cache-Control: no-store} and {@code nosniff}):
 *
 * <ul>
 * <li>a body over {@code quarkus.http.limits.max-body-size} (by its Content-Length): 413
 *     {@code payload-too-large}, from a route that runs before Quarkus's own check (which
 *     answers an empty 413);</li>
 * <li>requests the HTTP decoder rejects: a request line over
 *     {@code quarkus.http.limits.max-initial-line-length} (414 {@code uri-too-long}), headers
 *     over {@code max-header-size} (431 {@code headers-too-large}), anything else malformed,
 *     such as a control character (NUL) in a header (400 {@code malformed-http-request}).
 *     Vert.x answers those itself with an empty body, in its "invalid request handler", which
 *     Quarkus 3.33 does not let an application set (quarkusio/quarkus#55082). It is set here,
 *     once the servers listen, in each server's connection handler by reflection; if that ever
 *     fails (a Vert.x upgrade), a WARN says so and Vert.x's empty answers come back —
 *     {@code security/HostileInputApiTest} fails then.</li>
 * <li>a URI that does not parse (a broken percent-encoding), which Quarkus's root handler
 *     answers with an empty 400: checked the same way first, in a wrapper of that handler set
 *     the same way;</li>
 * <li>failures of the router itself (400, e.g. a broken percent-encoding in the URI; 413 for a
 *     chunked body over the limit): the same problems instead of Vert.x's empty answers.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpRefusals {

    private static final Logger LOG = Logger.getLogger(HttpRefusals.class);

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096")
    int maxInitialLineLength;

    private final Handler<HttpServerRequest> invalid = this::invalidRequest;
    private volatile boolean checkedOnTraffic;
    private final Set<Object> patched = Collections.newSetFromMap(new IdentityHashMap<>());

    void routes(@Observes Router router) {
        // After RequestIds, GracefulShutdown and SecurityHeaders, before Quarkus's body limit.
        router.route().order(Integer.MIN_VALUE + 103).handler(this::bodyLimit);
        // Failures of the router itself (e.g. a URI whose percent-encoding is broken), which
        // Vert.x would answer with an empty body.
        router.errorHandler(400, ctx -> failed(ctx, ApiProblem.malformedHttpRequest(
                "The request could not be read (for example a broken percent-encoding in the URI).")));
        router.errorHandler(413, ctx -> failed(ctx, ApiProblem.payloadTooLarge(
                "The request body is larger than this API accepts (" + maxBodySize.asLongValue() + " bytes).")));
    }

    private void failed(RoutingContext ctx, ApiProblem p) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        LOG.debugf(ctx.failure(), "Refused by the router (%d)", p.status());
        send(ctx.response(), null, p);
    }

    private void bodyLimit(RoutingContext ctx) {
        if (!checkedOnTraffic) {
            // Once more when the first request arrives: by then every server verticle listens.
            checkedOnTraffic = true;
            vertx.executeBlocking(() -> {
                install();
                return null;
            }, false);
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1; // the decoder refuses a malformed Content-Length itself
            }
            if (declared > maxBodySize.asLongValue()) {
                ctx.response().putHeader("Connection", "close");
                send(ctx.response(), ctx.request().path(), ApiProblem.payloadTooLarge(
                        "The request body has " + declared + " bytes; the limit is " + maxBodySize.asLongValue() + "."));
                return;
            }
        }
        ctx.next();
    }

    /** Quarkus fires this (asynchronously) once its HTTP server listens. */
    void started(@ObservesAsync HttpServerStart event) {
        install();
    }

    /** Sets {@link #invalidRequest} on every HTTP/1 connection handler of the running servers. */
    synchronized void install() {
        try {
            Field balancerField = TCPServerBase.class.getDeclaredField("channelBalancer");
            Field childHandlerField = TCPServerBase.class.getDeclaredField("childHandler");
            Field connectionHandlerField = HttpServerWorker.class.getDeclaredField("connectionHandler");
            Field invalidField = HttpServerConnectionHandler.class.getDeclaredField("invalidRequestHandler");
            Field requestField = HttpServerConnectionHandler.class.getDeclaredField("requestHandler");
            for (Field f : List.of(balancerField, childHandlerField, connectionHandlerField, invalidField, requestField)) {
                f.setAccessible(true);
            }
            List<HttpServerImpl> servers;
            Map<?, HttpServerImpl> shared = ((VertxInternal) vertx).sharedHttpServers();
            synchronized (shared) {
                servers = new ArrayList<>(shared.values());
            }
            // Every verticle's server registers its worker with the server that listens; each
            // worker is a lambda holding its server, whose child handler holds the connection handler.
            List<TCPServerBase> all = new ArrayList<>(servers);
            for (HttpServerImpl server : servers) {
                Object balancer = balancerField.get(server);
                if (balancer == null) {
                    continue;
                }
                Field workerMap = balancer.getClass().getDeclaredField("workerMap");
                workerMap.setAccessible(true);
                for (Object workerList : ((Map<?, ?>) workerMap.get(balancer)).values()) {
                    Field list = workerList.getClass().getDeclaredField("list");
                    list.setAccessible(true);
                    for (Object worker : (Collection<?>) list.get(workerList)) {
                        for (Field captured : worker.getClass().getDeclaredFields()) {
                            if (TCPServerBase.class.isAssignableFrom(captured.getType())) {
                                captured.setAccessible(true);
                                all.add((TCPServerBase) captured.get(worker));
                            }
                        }
                    }
                }
            }
            int now = 0;
            for (TCPServerBase server : all) {
                BiConsumer<?, ?> child = (BiConsumer<?, ?>) childHandlerField.get(server);
                if (child instanceof HttpServerWorker worker) {
                    Object handler = connectionHandlerField.get(worker);
                    if (handler instanceof HttpServerConnectionHandler h && patched.add(h)) {
                        invalidField.set(h, invalid);
                        @SuppressWarnings("unchecked")
                        Handler<HttpServerRequest> quarkus = (Handler<HttpServerRequest>) requestField.get(h);
                        if (quarkus != null) {
                            requestField.set(h, uriChecked(quarkus));
                        }
                        now++;
                    }
                }
            }
            if (now > 0) {
                LOG.debugf("Invalid HTTP requests are answered as problems on %d more server worker(s)", now);
            } else if (patched.isEmpty() && !all.isEmpty()) {
                LOG.warnf("Found %d HTTP server(s) but no connection handler to give the invalid-request handler: requests"
                        + " the HTTP decoder rejects (414, 431, a malformed header) get Vert.x's empty answers", all.size());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Could not install the invalid-request handler (%s): requests the HTTP decoder rejects (414, 431,"
                    + " a malformed header) get Vert.x's empty answers", e.toString());
        }
    }

    /**
     * Quarkus's root handler answers an empty 400 to a URI that {@link URI} cannot parse (a
     * broken percent-encoding): the same check first, answered as a problem.
     */
    private Handler<HttpServerRequest> uriChecked(Handler<HttpServerRequest> quarkus) {
        return request -> {
            try {
                new URI(request.uri());
            } catch (URISyntaxException | RuntimeException e) {
                request.response().putHeader("Connection", "close");
                send(request.response(), null, ApiProblem.malformedHttpRequest(
                        "The request URI is malformed (for example a broken percent-encoding)."));
                return;
            }
            quarkus.handle(request);
        };
    }

    /** Vert.x calls this for a request its decoder rejected; the connection closes after the answer. */
    void invalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        ApiProblem p;
        if (cause instanceof TooLongFrameException && message.startsWith("An HTTP line is larger than")) {
            p = new ApiProblem(414, "uri-too-long", "Request line too long",
                    "The request line (method, path and query) is longer than this API accepts (" + lineLimit() + " bytes).");
        } else if (cause instanceof TooLongFrameException && message.startsWith("HTTP header is larger than")) {
            p = new ApiProblem(431, "headers-too-large", "Request headers too large",
                    "The request's headers are larger than this API accepts.");
        } else {
            p = ApiProblem.malformedHttpRequest("The request line or a header is malformed"
                    + " (for example a control character such as NUL in a header value).");
        }
        LOG.debugf("Refused an invalid HTTP request (%s): %s", p.status(), message);
        HttpServerResponse response = request.response();
        response.putHeader("Connection", "close");
        send(response, null, p);
    }

    private int lineLimit() {
        return maxInitialLineLength;
    }

    private void send(HttpServerResponse response, String instance, ApiProblem p) {
        String id = response.headers().get(RequestIds.HEADER);
        if (id == null) {
            id = UUID.randomUUID().toString();
            response.putHeader(RequestIds.HEADER, id);
        }
        Problem body = new Problem(p.type().toString(), p.title(), p.status(), p.detail(), instance, id, null);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"type\":\"" + p.type() + "\",\"title\":\"" + p.title() + "\",\"status\":" + p.status() + "}";
        }
        response.setStatusCode(p.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(text);
    }
}
