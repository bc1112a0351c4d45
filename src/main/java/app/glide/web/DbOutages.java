package app.glide.web;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Where expected database failures are reported: counted by kind
 * ({@code glide_db_failures_total{kind}}), logged once per outage ({@link OutageLog}),
 * and, when the database was unreachable, the pool's idle connections are dropped so
 * that none left over from before a database restart is handed out again.
 */
@ApplicationScoped
public class DbOutages {

    private static final Logger LOG = Logger.getLogger(DbOutages.class);
    private static final long FLUSH_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    @Inject
    AgroalDataSource dataSource;

    /** The database unreachable (and commits whose outcome is unknown). */
    private final OutageLog outage;
    /** Lock and statement timeouts, deadlocks, serialization failures, a full bulkhead: a separate episode. */
    private final OutageLog contention;
    private final Map<DbFailure.Kind, Counter> counters = new EnumMap<>(DbFailure.Kind.class);
    private final Counter readinessDown;
    private final AtomicLong lastFlush = new AtomicLong(System.nanoTime() - FLUSH_EVERY_NANOS);

    @Inject
    public DbOutages(MeterRegistry meters, @ConfigProperty(name = "glide.db.outage-quiet", defaultValue = "5s") Duration quiet) {
        this.outage = new OutageLog(System::nanoTime, quiet, LOG::warn, LOG::info);
        this.contention = new OutageLog(System::nanoTime, quiet, LOG::warn, LOG::info);
        for (DbFailure.Kind kind : DbFailure.Kind.values()) {
            counters.put(kind, Counter.builder("glide.db.failures").tag("kind", kind.slug())
                    .description("Requests answered 503 because of the database (unreachable, contention, commit outcome unknown)")
                    .register(meters));
        }
        readinessDown = Counter.builder("glide.db.readiness.down").description("Readiness checks that could not reach the database")
                .register(meters);
    }

    /**
     * Flyway migrated through the pool with no timeouts ({@code quarkus.flyway.init-sql}); the
     * connections it used go, so that every request runs with the short defaults.
     */
    void afterMigrations(@Observes @Priority(1) StartupEvent start) {
        dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
    }

    /** A request failed for an expected database reason. */
    public void failed(DbFailure.Kind kind, Throwable e, String where) {
        counters.get(kind).increment();
        (kind == DbFailure.Kind.CONTENTION ? contention : outage).failure(kind.slug(), DbFailure.describe(e) + " (" + where + ")");
        if (kind != DbFailure.Kind.CONTENTION) {
            dropIdleConnections();
        }
    }

    /** A patient's bulkhead stayed full: counted and logged with the contention. */
    public void bulkheadFull(String where) {
        counters.get(DbFailure.Kind.CONTENTION).increment();
        contention.failure(DbFailure.Kind.CONTENTION.slug(), "per-patient bulkhead full (" + where + ")");
    }

    /** The readiness check could not reach the database. */
    public void readinessFailed(String what) {
        readinessDown.increment();
        outage.failure("readiness-down", what);
        dropIdleConnections();
    }

    /** The database answered (a request succeeded, or readiness is UP). */
    public void succeeded() {
        outage.success();
        contention.success();
    }

    @ServerResponseFilter
    public void afterResponse(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            succeeded();
        }
    }

    private void dropIdleConnections() {
        long last = lastFlush.get();
        long now = System.nanoTime();
        if (now - last >= FLUSH_EVERY_NANOS && lastFlush.compareAndSet(last, now)) {
            try {
                dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
            } catch (RuntimeException e) {
                LOG.debugf("Could not flush the pool: %s", e.getMessage());
            }
        }
    }
}
