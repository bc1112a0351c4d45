package app.glide.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.Channel;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import sun.misc.Signal;

/**
 * The parts of a graceful stop that Quarkus 3.33 does not do itself.
 *
 * <p>On SIGTERM Quarkus (with {@code quarkus.shutdown.delay-enabled}) turns readiness DOWN,
 * fires {@link ShutdownDelayInitiatedEvent}, keeps serving for {@code quarkus.shutdown.delay}
 * (our {@code glide.shutdown.pre-stop-delay}) with {@code Connection: close} on every answer,
 * then waits up to {@code quarkus.shutdown.timeout} for the requests it has counted. What it
 * does not do: stop accepting connections. The listener stays open until the HTTP server is
 * undeployed, well after "All HTTP requests complete", so requests that arrive in between
 * either meet closed beans ({@code EntityManagerFactory is closed}) or are cut off without an
 * answer when the server finally closes. This class:
 *
 * <ol>
 * <li>pauses the scheduler when the delay starts, so no job starts while stopping;</li>
 * <li>closes the listening socket when the delay is over (new connections are refused,
 *     accepted ones are served to the end), and again, if need be, when the drain starts;</li>
 * <li>on {@link ShutdownEvent}, before anything is closed, waits (bounded by the shutdown
 *     timeout) until every request that reached the router and every running job has
 *     finished and nothing has been in flight for half a second (a connection accepted just
 *     before the close gets its request read), then answers any late request on a
 *     still-open connection with a 503 problem without touching anything else.</li>
 * <li>exits 0 on SIGTERM in the packaged service (the JVM would say 143).</li>
 * </ol>
 *
 * <p>Vert.x 4.5 can only close the listener together with all its connections
 * ({@code HttpServer.close()}), so the listening channel is closed by reflection; if that
 * ever fails, a WARN says so and the stop proceeds as before. Vert.x 5 has
 * {@code HttpServer.shutdown(timeout)}, which makes this part unnecessary.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);
    /** After the listener closed, how long nothing must be in flight before late requests are refused. */
    private static final long QUIET = Duration.ofMillis(500).toNanos();

    @Inject
    Vertx vertx;

    @Inject
    Scheduler scheduler;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.shutdown.delay")
    Optional<Duration> preStopDelay;

    @ConfigProperty(name = "quarkus.shutdown.timeout")
    Optional<Duration> timeout;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger jobs = new AtomicInteger();
    private final AtomicBoolean listenerClosed = new AtomicBoolean();
    /** SIGTERM received: no new job starts. */
    private volatile boolean stopping;
    /** Drained: a late request gets a 503 and never reaches the application. */
    private volatile boolean stopped;
    private volatile long drainDeadline;

    /**
     * The JVM answers SIGTERM with status 143 even when everything stopped cleanly; a
     * requested, graceful stop exits 0 instead (the same shutdown hooks run either way).
     * Only in the packaged service: tests and dev mode keep the JVM's handling.
     */
    void exitZeroOnSigterm(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        try {
            Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debugf("SIGTERM keeps the JVM's handling: %s", e);
        }
    }

    void install(@Observes Router router) {
        // Right after RequestIds, so that even a refusal carries the request id.
        router.route().order(Integer.MIN_VALUE + 101).handler(this::track);
    }

    private void track(RoutingContext ctx) {
        inFlight.incrementAndGet();
        if (stopped) {
            inFlight.decrementAndGet();
            refuse(ctx);
            return;
        }
        ctx.addEndHandler(done -> inFlight.decrementAndGet());
        ctx.next();
    }

    /** SIGTERM: readiness is DOWN from now on; the listener closes when the pre-stop delay is over. */
    void delayInitiated(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
        scheduler.pause();
        long delay = preStopDelay.orElse(Duration.ZERO).toMillis();
        LOG.infof("Stopping: readiness is DOWN; serving for the pre-stop delay of %d ms, then the listener closes and "
                + "in-flight requests are drained (up to %s)", delay, timeout.map(Duration::toString).orElse("no limit"));
        if (delay <= 0) {
            closeListener();
        } else {
            vertx.setTimer(delay, id -> vertx.executeBlocking(() -> {
                closeListener();
                return null;
            }, false));
        }
    }

    /** Runs before any bean or the EntityManagerFactory is closed. */
    void drain(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
        try {
            scheduler.pause();
        } catch (RuntimeException alreadyStopped) {
            // nothing to pause
        }
        closeListener();
        long deadline = drainDeadline != 0 ? drainDeadline
                : System.nanoTime() + timeout.orElse(Duration.ofSeconds(20)).toNanos();
        // Requests on connections accepted before the listener closed are still served (each
        // answer closes its connection, so this ends). A connection accepted a moment before
        // the close may not have had its request read yet: only after a quiet period with
        // nothing in flight are late requests refused (and whatever slipped in between is
        // waited for too), so that none is cut off when the server closes its connections.
        awaitQuiet(QUIET, deadline);
        stopped = true;
        awaitQuiet(0, deadline);
        if (inFlight.get() > 0 || jobs.get() > 0) {
            LOG.warnf("Stopping with %d request(s) and %d job(s) still running after the shutdown timeout",
                    inFlight.get(), jobs.get());
        } else {
            LOG.info("Stopping: every request and job has finished");
        }
    }

    /** Until nothing has been in flight for {@code quietNanos} (0: until nothing is), or the deadline. */
    private void awaitQuiet(long quietNanos, long deadline) {
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            if (inFlight.get() > 0 || jobs.get() > 0) {
                quietSince = now;
            } else if (now - quietSince >= quietNanos) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True from SIGTERM on: scheduled work must not start (and long work should stop between steps). */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Runs a scheduled job unless the service is stopping; the drain waits for it before the
     * database is closed. Returns null when it did not run.
     */
    public <T> T job(Supplier<T> work) {
        jobs.incrementAndGet();
        try {
            if (stopping) {
                return null;
            }
            return work.get();
        } catch (RuntimeException e) {
            if (DbFailure.classify(e) == DbFailure.Kind.UNAVAILABLE) {
                return null; // as documented above: the next run tries again, the outage is reported elsewhere
            }
            throw e;
        } finally {
            jobs.decrementAndGet();
        }
    }

    private void closeListener() {
        if (!listenerClosed.compareAndSet(false, true)) {
            return;
        }
        // The drain (Quarkus's and ours) takes at most the shutdown timeout from here.
        drainDeadline = System.nanoTime() + timeout.orElse(Duration.ofSeconds(20)).toNanos();
        try {
            Field bind = TCPServerBase.class.getDeclaredField("bindFuture");
            bind.setAccessible(true);
            Map<?, HttpServerImpl> shared = ((VertxInternal) vertx).sharedHttpServers();
            List<HttpServerImpl> servers;
            synchronized (shared) {
                servers = new ArrayList<>(shared.values());
            }
            int closed = 0;
            String kind = "none";
            for (HttpServerImpl server : servers) {
                @SuppressWarnings("unchecked")
                Future<Channel> channel = (Future<Channel>) bind.get(server);
                if (channel != null && channel.succeeded() && channel.result() != null && channel.result().isOpen()) {
                    Channel listener = channel.result();
                    kind = listener.getClass().getSimpleName();
                    listener.close().await(5, TimeUnit.SECONDS);
                    closed++;
                }
            }
            LOG.infof("Stopping: closed %d HTTP listener(s) (%s); accepted connections are served to the end", closed, kind);
        } catch (ReflectiveOperationException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Could not close the HTTP listener ahead of the drain (%s); it closes with the server", e.toString());
        }
    }

    private void refuse(RoutingContext ctx) {
        ApiProblem p = new ApiProblem(503, "shutting-down", "Shutting down",
                "This instance is shutting down and did not process the request; send it again.", null,
                Map.of("Retry-After", "1"));
        Problem body = new Problem(p.type().toString(), p.title(), p.status(), p.detail(), ctx.request().path(),
                ctx.response().headers().get(RequestIds.HEADER), null);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"type\":\"" + p.type() + "\",\"title\":\"Shutting down\",\"status\":503}";
        }
        p.headers().forEach((name, value) -> ctx.response().putHeader(name, value));
        ctx.response().setStatusCode(503)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(text);
    }
}
