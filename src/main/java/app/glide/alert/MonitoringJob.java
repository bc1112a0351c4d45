package app.glide.alert;

import app.glide.adherence.AdherenceService;
import app.glide.clinic.ClinicSettings;
import app.glide.db.JobTimeouts;
import app.glide.db.Sql;
import app.glide.plan.PatientCalendar;
import app.glide.web.GracefulShutdown;
import app.glide.web.PatientLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Hourly: refreshes the adherence snapshot of every patient whose local day has moved on
 * since it was computed, and raises the alerts that need no new data to fire (adherence
 * under the threshold over 7 days; no session for N days).
 *
 * <p>Safe when every replica runs it: each batch takes a transaction-scoped advisory lock
 * (a replica that cannot get it stops; another is doing the work), snapshots are upserts,
 * and alerts dedupe in the database.
 */
@ApplicationScoped
public class MonitoringJob {

    private static final Logger LOG = Logger.getLogger(MonitoringJob.class);
    private static final int BATCH = 200;

    @Inject
    Sql sql;

    @Inject
    AdherenceService adherence;

    @Inject
    AlertService alerts;

    @Inject
    PatientLocks locks;

    @Inject
    Clock clock;

    @Inject
    JobTimeouts timeouts;

    @Inject
    GracefulShutdown shutdown;

    /** Never starts once SIGTERM has come; a run in progress stops after its batch, and the drain waits for it. */
    @Scheduled(every = "${glide.monitoring.every:1h}", delayed = "${glide.monitoring.delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Integer done = shutdown.job(this::runOnce);
        if (done != null && done > 0) {
            LOG.infof("Monitoring: refreshed %d patient(s)", done);
        }
    }

    /** Processes every due patient (until the service is stopping); returns how many. */
    public int runOnce() {
        int total = 0;
        while (!shutdown.stopping()) {
            Integer n = QuarkusTransaction.requiringNew().call(this::batch);
            if (n == null || n == 0) {
                return total;
            }
            total += n;
        }
        return total;
    }

    /** One batch in one transaction; null when another replica holds the lock. */
    Integer batch() {
        // The job's own, longer timeouts for this transaction only (the connection's defaults are the
        // request paths' short ones), set in the same statement that takes the job's lock.
        boolean locked = sql.first("select " + JobTimeouts.SET + ", pg_try_advisory_xact_lock(hashtext('glide.monitoring'))",
                rs -> rs.getBoolean(3), timeouts.params()).orElseThrow();
        if (!locked) {
            return null;
        }
        List<Due> due = sql.list("""
                select p.id, p.time_zone, p.clinic_id
                from patient p
                join plan pl on pl.patient_id = p.id and pl.status = 'ACTIVE'
                left join patient_adherence a on a.patient_id = p.id
                where p.status = 'ACTIVE'
                  and (a.computed_on is null or a.computed_on < (cast(? as timestamptz) at time zone p.time_zone)::date)
                limit ?""", rs -> new Due(Sql.uuid(rs, 1), rs.getString(2), Sql.uuid(rs, 3)), clock.instant(), BATCH);
        for (Due d : due) {
            check(d.patientId(), d.zone(), d.clinicId());
        }
        return due.size();
    }

    /** A patient whose snapshot is older than their today. */
    private record Due(UUID patientId, String zone, UUID clinicId) {
    }

    void check(UUID patientId, String zone, UUID clinicId) {
        // A session or plan change of this patient in flight commits first, so the snapshot
        // includes it (see PatientLocks). This patient's writers then wait for the rest of the
        // batch, as they waited before for the snapshot row the batch had written.
        locks.lock(patientId);
        AdherenceService.Computed c = adherence.recompute(patientId, zone);
        if (c.planStart() == null || c.planPaused()) {
            return;
        }
        AlertRules.Thresholds t = ClinicThresholds.of(ClinicSettings.of(clinicId));
        LocalDate today = c.today();
        if (AlertRules.lowAdherence(c.summary().adherence7d(), c.planStart(), today, t)) {
            alerts.raise(clinicId, patientId, AlertKind.LOW_ADHERENCE,
                    "week:" + PatientCalendar.weekStart(today),
                    String.format(Locale.ROOT, "Adherence over the last 7 days is %.0f %% (threshold %d %%).",
                            c.summary().adherence7d() * 100, t.lowAdherencePercent()),
                    Map.of("adherence7d", c.summary().adherence7d()), true);
        }
        LocalDate lastActive = c.lastSessionAt() == null ? c.planStart()
                : LocalDate.ofInstant(c.lastSessionAt(), ZoneId.of(zone));
        if (lastActive.isBefore(c.planStart())) {
            lastActive = c.planStart();
        }
        if (AlertRules.inactive(lastActive, today, t)) {
            alerts.raise(clinicId, patientId, AlertKind.NO_ACTIVITY, "since:" + lastActive,
                    "No session logged since " + lastActive + " (" + ChronoUnit.DAYS.between(lastActive, today)
                            + " days).",
                    Map.of("lastActive", lastActive.toString()), true);
        }
    }

}
