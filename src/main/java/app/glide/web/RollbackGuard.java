package app.glide.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A 2xx is a promise that the data is committed (the phone deletes its offline copy on
 * 201). This guard keeps the promise even when code breaks it: every transaction that
 * begins during an HTTP request is watched, and a request that is about to answer 2xx
 * although one of its transactions rolled back answers 500 instead, logs an ERROR and
 * counts {@code glide.transactions.silent.rollbacks}.
 *
 * <p>The classic cause: a business refusal thrown through a {@code @Transactional} proxy
 * and caught by the caller. The interceptor marks the transaction rollback-only, the
 * caller carries on, and the outermost boundary rolls back without an exception.
 *
 * <p>A transaction that rolled back because its exception reached the caller, who then
 * reported the failure in the body (one item of an offline batch, say), is not silent:
 * that caller says so with {@link #reported()}.
 */
@ApplicationScoped
public class RollbackGuard {

    private static final Logger LOG = Logger.getLogger(RollbackGuard.class);
    private static final String KEY = "glide.transactions";
    /** Every silent rollback this JVM has caught; tests read it around each request. */
    private static final AtomicLong CAUGHT = new AtomicLong();

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    RequestIds requestIds;

    private final Counter silent;

    @Inject
    public RollbackGuard(MeterRegistry meters) {
        this.silent = Counter.builder("glide.transactions.silent.rollbacks")
                .description("Requests that would have answered 2xx although a transaction of theirs rolled back")
                .register(meters);
    }

    /** Rolled-back and reported transactions of one request. */
    static final class Outcomes {
        final AtomicLong rolledBack = new AtomicLong();
        final AtomicLong reported = new AtomicLong();
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        Outcomes outcomes = outcomes(true);
        if (outcomes == null) {
            return; // not in an HTTP request: a scheduled job, startup
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    outcomes.rolledBack.incrementAndGet();
                }
            }
        });
    }

    /** The caller saw the exception that rolled back a transaction and reports it in the response. */
    public void reported() {
        Outcomes outcomes = outcomes(false);
        if (outcomes != null) {
            outcomes.reported.incrementAndGet();
        }
    }

    /** How many silent rollbacks this JVM has turned into 500s so far. */
    public static long caughtSoFar() {
        return CAUGHT.get();
    }

    @ServerResponseFilter
    public void check(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 200 || status >= 300) {
            return;
        }
        Outcomes outcomes = outcomes(false);
        if (outcomes == null) {
            return;
        }
        long silentOnes = outcomes.rolledBack.get() - outcomes.reported.get();
        if (silentOnes <= 0) {
            return;
        }
        CAUGHT.incrementAndGet();
        silent.increment();
        LOG.errorf("A transaction of request %s rolled back silently while it was about to answer %d;"
                        + " answering 500 instead (nothing it acknowledged may be lost)", requestIds.current(), status);
        response.getHeaders().remove(HttpHeaders.ETAG);
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.setStatus(500);
        RoutingContext ctx = currentRequest.getCurrent();
        response.setEntity(new Problem(ApiProblem.TYPE_BASE + "internal", "Internal error", 500,
                "Your request was not saved. Try again; quote the request id if it keeps failing.",
                ctx == null ? null : ctx.normalizedPath(), requestIds.current(), List.of()),
                new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    private Outcomes outcomes(boolean create) {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext ctx;
        try {
            ctx = currentRequest.getCurrent();
        } catch (RuntimeException notInRequest) {
            return null;
        }
        if (ctx == null) {
            return null;
        }
        Outcomes outcomes = ctx.get(KEY);
        if (outcomes == null && create) {
            outcomes = new Outcomes();
            ctx.put(KEY, outcomes);
        }
        return outcomes;
    }
}
