package app.glide.disclosure;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.config.ConfigRanges;
import app.glide.db.Sql;
import app.glide.web.AccessedData;
import app.glide.web.ApiProblem;
import app.glide.web.RequestIds;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Records staff reads of patient data in {@code patient_access}, write-behind: a read's record is
 * queued (bounded) once the read has succeeded, before its answer is written, and one thread per
 * replica ({@link BatchWriter}) writes what is queued every {@link #flushInterval} in one INSERT.
 * The request path adds no statement and waits for none. What this gives up, and why:
 * docs/security.md "Access log". A full queue (the database has not taken records for a while)
 * fails the read with 503 instead of sending data whose record could not be kept; a stopping
 * replica writes what is queued after its last request.
 */
@ApplicationScoped
public class AccessRecorder {

    private static final Logger LOG = Logger.getLogger(AccessRecorder.class);
    private static final String INSERT = """
            insert into patient_access (occurred_at, clinic_id, patient_id, actor_user_id, actor_role, what, request_id)
            select r.* from unnest(?::timestamptz[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[])
                       as r (occurred_at, clinic_id, patient_id, actor_user_id, actor_role, what, request_id)""";
    /** At most this many records in one statement. */
    private static final int MAX_BATCH = 500;

    private record Row(Instant occurredAt, UUID clinicId, UUID patientId, UUID actorId, String role,
                       String what, String requestId) {
    }

    @Inject
    Caller caller;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    RequestIds requestIds;

    @Inject
    MeterRegistry registry;

    /** Only for the benchmark's comparison (docs/benchmarks.md "Access log"); never off in production. */
    @ConfigProperty(name = "glide.access-log.enabled", defaultValue = "true")
    boolean enabled;

    /** How often queued records are written: the most a record waits, and about the most a killed replica loses. */
    @ConfigProperty(name = "glide.access-log.flush-interval", defaultValue = "PT0.01S")
    Duration flushInterval;

    /** Records queued at most; beyond, staff reads fail with 503 until the database takes records again. */
    @ConfigProperty(name = "glide.access-log.max-queued", defaultValue = "20000")
    int maxQueued;

    private BatchWriter<Row> writer;
    private volatile boolean failing;

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            LOG.warn("glide.access-log.enabled=false: staff reads of patient data are NOT recorded in the access log"
                    + " (a benchmark setting; docs/security.md \"Access log\")");
            return;
        }
        new ConfigRanges().check("glide.access-log.flush-interval (ms)", flushInterval.toMillis(), 1, 10_000)
                .check("glide.access-log.max-queued", maxQueued, 100, 10_000_000).require();
        writer = new BatchWriter<>("access-log-writer", maxQueued, MAX_BATCH, flushInterval, Duration.ofSeconds(1),
                this::write);
        Gauge.builder("glide.access-log.queued", writer, BatchWriter::backlog)
                .description("Access records of staff reads this replica has queued and not yet written (patient_access);"
                        + " at glide.access-log.max-queued staff reads fail with 503")
                .register(registry);
    }

    /** Whether the caller's read of patient data is recorded: staff, with the log on. */
    boolean recorded() {
        return enabled && caller.role() != Role.PATIENT;
    }

    /** The staff read of {@code patientId}'s {@code what} succeeded: its record is queued, or the read fails (503). */
    void record(UUID patientId, AccessedData what) {
        Row row = new Row(clock.instant(), caller.clinicId(), patientId, caller.userId(), caller.role().name(),
                what.name(), requestIds.current());
        if (!writer.offer(row)) {
            throw new ApiProblem(503, "database-unavailable", "Service unavailable",
                    "The access log cannot record reads right now (the database has not taken them for a while),"
                            + " so the patient's data was not sent. Try again after Retry-After seconds.",
                    null, Map.of("Retry-After", "5"));
        }
    }

    /** Waits, at most {@code timeout}, until every record queued before this call is written; whether it was. */
    boolean awaitWritten(Duration timeout) throws InterruptedException {
        return writer.awaitWritten(timeout);
    }

    /** After the last request (web/GracefulShutdown drains them first): what is queued is written, then the writer ends. */
    void flushOnStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) ShutdownEvent event)
            throws InterruptedException {
        if (writer != null) {
            long lost = writer.stop(Duration.ofSeconds(15));
            if (lost > 0) {
                LOG.errorf("Stopping: %d access record(s) could not be written to patient_access", lost);
            }
        }
    }

    /** One INSERT for {@code batch}; false (logged once per outage) when the database did not take it. */
    private boolean write(List<Row> batch) {
        int n = batch.size();
        String[] occurredAt = new String[n];
        UUID[] clinics = new UUID[n];
        UUID[] patients = new UUID[n];
        UUID[] actors = new UUID[n];
        String[] roles = new String[n];
        String[] whats = new String[n];
        String[] requests = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = batch.get(i);
            occurredAt[i] = r.occurredAt().toString(); // ISO 8601, read back exactly (to the microsecond)
            clinics[i] = r.clinicId();
            patients[i] = r.patientId();
            actors[i] = r.actorId();
            roles[i] = r.role();
            whats[i] = r.what();
            requests[i] = r.requestId();
        }
        try {
            sql.updateUncounted(INSERT, occurredAt, clinics, patients, actors, roles, whats, requests);
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warnf("The access log cannot write to patient_access (%s): %d record(s) wait; tried again every second",
                        e.getMessage(), n);
            }
            return false;
        }
        if (failing) {
            failing = false;
            LOG.infof("The access log writes to patient_access again (%d record(s) in this batch)", n);
        }
        return true;
    }
}
