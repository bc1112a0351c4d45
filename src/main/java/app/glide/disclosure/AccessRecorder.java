package app.glide.disclosure;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.db.Sql;
import app.glide.web.AccessedData;
import app.glide.web.RequestIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes the access record of a staff read before the read's answer is sent: an INSERT on its
 * own (autocommit) connection, committed (asynchronously, see {@link #insert}). Concurrent
 * reads share one INSERT ({@link GroupCommit}, lingering up to {@link #linger} for the reads
 * announced by {@link #begin} that are still running): each waits until the statement holding its
 * record has returned, so nothing waits in memory after an answer, a replica killed after the
 * answer has already recorded it, and a record that cannot be written fails the read (the data
 * is not sent) instead of being lost silently. docs/security.md "Access log" weighs this
 * against batching in the background.
 */
@ApplicationScoped
public class AccessRecorder {

    private static final Logger LOG = Logger.getLogger(AccessRecorder.class);
    private static final String INSERT = """
            insert into patient_access (occurred_at, clinic_id, patient_id, actor_user_id, actor_role, what, request_id)
            select r.* from unnest(?::timestamptz[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[])
                       as r (occurred_at, clinic_id, patient_id, actor_user_id, actor_role, what, request_id),
                 (select set_config('synchronous_commit', 'off', true)) async_commit""";
    /** At most this many records in one statement. */
    private static final int MAX_GROUP = 64;

    private GroupCommit<Object[]> commits;

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

    /**
     * How long a record about to be written waits, at most, for the records of staff reads
     * that are running at that moment, so that they share one INSERT (a lone read waits for
     * nothing). docs/security.md "Access log".
     */
    @ConfigProperty(name = "glide.access-log.linger", defaultValue = "PT0.002S")
    Duration linger;

    @PostConstruct
    void init() {
        commits = new GroupCommit<>(MAX_GROUP, linger.toNanos(), TimeUnit.NANOSECONDS, this::insert);
    }

    void warnWhenOff(@Observes StartupEvent startup) {
        if (!enabled) {
            LOG.warn("glide.access-log.enabled=false: staff reads of patient data are NOT recorded in the access log"
                    + " (a benchmark setting; docs/security.md \"Access log\")");
        }
    }

    /**
     * A read of patient data is starting: if the caller is staff, its record is announced (a
     * group being written may wait for it). Null when nothing will be recorded. Every ticket is
     * closed by {@link #record} or {@link #abandon}.
     */
    GroupCommit.Ticket begin() {
        return enabled && caller.role() != Role.PATIENT ? commits.begin() : null;
    }

    /** The read announced with {@code ticket} failed or was refused: nothing to record. */
    void abandon(GroupCommit.Ticket ticket) {
        if (ticket != null) {
            commits.abandon(ticket);
        }
    }

    /** The staff read announced with {@code ticket} succeeded: its record is written before this returns. */
    void record(GroupCommit.Ticket ticket, UUID patientId, AccessedData what) {
        if (ticket == null) {
            return;
        }
        commits.commit(ticket, new Object[] {clock.instant(), caller.clinicId(), patientId, caller.userId(),
                caller.role().name(), what.name(), requestIds.current()});
    }

    /**
     * Writes the records of one group in one statement, committed on its own: set_config(...,
     * true) makes this one transaction's commit asynchronous (it does not wait for the WAL
     * flush; PostgreSQL writes it within 3 x wal_writer_delay). Once the statement returned, a
     * killed replica loses nothing; only a crash of PostgreSQL itself could lose the last
     * fraction of a second. One statement text for every group size (a column per array): the
     * driver prepares it once per connection and the server plans it once, where a VALUES list
     * per size was parsed and planned again for most groups.
     */
    private void insert(List<Object[]> rows) {
        int n = rows.size();
        String[] occurredAt = new String[n];
        UUID[] clinics = new UUID[n];
        UUID[] patients = new UUID[n];
        UUID[] actors = new UUID[n];
        String[] roles = new String[n];
        String[] whats = new String[n];
        String[] requestIds = new String[n];
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            occurredAt[i] = r[0].toString(); // an Instant in ISO 8601, read back exactly (to the microsecond)
            clinics[i] = (UUID) r[1];
            patients[i] = (UUID) r[2];
            actors[i] = (UUID) r[3];
            roles[i] = (String) r[4];
            whats[i] = (String) r[5];
            requestIds[i] = (String) r[6];
        }
        Object[] params = {occurredAt, clinics, patients, actors, roles, whats, requestIds};
        if (QuarkusTransaction.isActive()) {
            // The group holds other reads' records: they must not commit or roll back with this caller's transaction.
            QuarkusTransaction.requiringNew().run(() -> sql.update(INSERT, params));
        } else {
            sql.update(INSERT, params); // autocommit: the usual case, a resource method outside any transaction
        }
    }
}
