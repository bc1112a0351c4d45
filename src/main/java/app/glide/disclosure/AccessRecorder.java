package app.glide.disclosure;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.db.Sql;
import app.glide.web.AccessedData;
import app.glide.web.RequestIds;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes one access record: a single-row INSERT on its own (autocommit) connection, committed
 * (asynchronously, see below) before the read's answer is sent. Nothing waits in memory, so a replica killed after the
 * answer has already recorded it; a record that cannot be written fails the read (the data is
 * not sent) instead of being lost silently. docs/security.md "Access log" weighs this against
 * batching.
 */
@ApplicationScoped
public class AccessRecorder {

    private static final Logger LOG = Logger.getLogger(AccessRecorder.class);

    @Inject
    Caller caller;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    RequestIds requestIds;

    /** Only for the benchmark's comparison (docs/benchmarks.md "Access log"); never off in production. */
    @ConfigProperty(name = "glide.access-log.enabled", defaultValue = "true")
    boolean enabled;

    void warnWhenOff(@Observes StartupEvent startup) {
        if (!enabled) {
            LOG.warn("glide.access-log.enabled=false: staff reads of patient data are NOT recorded in the access log"
                    + " (a benchmark setting; docs/security.md \"Access log\")");
        }
    }

    /** A staff read of {@code patientId}'s data by the caller; the patient's own reads are not recorded. */
    public void record(UUID patientId, AccessedData what) {
        Role role = caller.role();
        if (!enabled || role == Role.PATIENT) {
            return;
        }
        // One statement, committed on its own: set_config(..., true) makes this one transaction's
        // commit asynchronous (it does not wait for the WAL flush; PostgreSQL writes it within
        // 3 x wal_writer_delay). Once the statement returned, a killed replica loses nothing;
        // only a crash of PostgreSQL itself could lose the last fraction of a second.
        sql.update("""
                insert into patient_access (occurred_at, clinic_id, patient_id, actor_user_id, actor_role, what, request_id)
                select ?, ?, ?, ?, ?, ?, ? from (select set_config('synchronous_commit', 'off', true)) async_commit""",
                clock.instant(), caller.clinicId(), patientId, caller.userId(), role.name(), what.name(),
                requestIds.current());
    }
}
