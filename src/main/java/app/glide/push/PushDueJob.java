package app.glide.push;

import app.glide.db.JobTimeouts;
import app.glide.db.Sql;
import app.glide.outcome.DueQuestionnaires;
import app.glide.outcome.OutcomeDue;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanRevisions;
import app.glide.web.GracefulShutdown;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes the time-based outbox rows, which no change announces:
 * <ul>
 * <li>NUDGE: the patient asked for one ({@code nudgeIfNotLoggedBy}), it is past that local time,
 * the active, unpaused plan asks for a session today (an unpaused item due today, from the plan's
 * start), and no session counts for today;</li>
 * <li>QUESTIONNAIRE_DUE: a questionnaire became due today (its due date is today in the patient's
 * zone; one due since an earlier day was announced that day, or, if the patient had no device then,
 * is left to the app's local reminders).</li>
 * </ul>
 * Only patients with a registered device are looked at, in batches by id. Safe when every replica
 * runs it: each batch takes a transaction-scoped advisory lock (a replica that cannot get it stops:
 * another is doing the work), and the outbox's one-a-day index makes a second write a no-op anyway.
 */
@ApplicationScoped
public class PushDueJob {

    private static final Logger LOG = Logger.getLogger(PushDueJob.class);
    private static final int BATCH = 200;
    /** The lowest uuid in PostgreSQL's order (bytes compared unsigned). */
    private static final UUID BEFORE_ALL = new UUID(0L, 0L);

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    JobTimeouts timeouts;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    OutcomeDue outcomeDue;

    @Inject
    PlanRevisions revisions;

    @Inject
    PushOutbox outbox;

    @Scheduled(every = "${glide.push.due-every:5m}", delayed = "${glide.push.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Integer written = shutdown.job(this::runOnce);
        if (written != null && written > 0) {
            LOG.debugf("Push: %d time-based outbox row(s) written", written);
        }
    }

    /** Looks at every patient with a device; returns how many rows were written. */
    public int runOnce() {
        int written = 0;
        UUID after = BEFORE_ALL;
        while (!shutdown.stopping()) {
            UUID from = after;
            Batch b = QuarkusTransaction.requiringNew().call(() -> batch(from));
            if (b == null) {
                return written;
            }
            written += b.written();
            if (b.last() == null) {
                return written;
            }
            after = b.last();
        }
        return written;
    }

    record Batch(UUID last, int written) {
    }

    /** A patient with a device, with what the two rules need. */
    record Candidate(UUID patientId, ZoneId zone, UUID planId, int revision, Instant planCreatedAt, LocalTime nudgeBy,
                     String schedules, boolean loggedToday) {
    }

    /** One batch of patients after {@code after} (by id), in one transaction; null when another replica holds the lock. */
    Batch batch(UUID after) {
        boolean locked = sql.first("select " + JobTimeouts.SET + ", pg_try_advisory_xact_lock(hashtext('glide.push.due'))",
                rs -> rs.getBoolean(3), timeouts.params()).orElseThrow();
        if (!locked) {
            return null;
        }
        Instant now = clock.instant();
        List<Candidate> candidates = sql.list("""
                select pl.patient_id, pl.time_zone, pn.id, pn.current_revision, pn.created_at, rp.nudge_if_not_logged_by,
                       """ + OutcomeDue.HEAD_COLUMN + """
                       , exists (select 1 from session_log s where s.patient_id = pl.patient_id
                                 and s.local_date = (cast(? as timestamptz) at time zone pl.time_zone)::date)
                from (select id as patient_id, time_zone from patient
                      where status = 'ACTIVE' and id > ? and exists (select 1 from device d where d.patient_id = patient.id)
                      order by id limit ?) pl
                left join plan pn on pn.patient_id = pl.patient_id and pn.status = 'ACTIVE'
                left join reminder_preference rp on rp.patient_id = pl.patient_id
                order by pl.patient_id""",
                rs -> new Candidate(Sql.uuid(rs, 1), ZoneId.of(rs.getString(2)), Sql.uuid(rs, 3), rs.getInt(4),
                        Sql.instant(rs, 5), rs.getObject(6, LocalTime.class), rs.getString(7), rs.getBoolean(8)),
                now, after, BATCH);
        int written = 0;
        for (Candidate c : candidates) {
            written += check(c, now);
        }
        return new Batch(candidates.isEmpty() ? null : candidates.get(candidates.size() - 1).patientId(), written);
    }

    int check(Candidate c, Instant now) {
        int written = 0;
        LocalDateTime local = LocalDateTime.ofInstant(now, c.zone());
        LocalDate today = local.toLocalDate();
        if (c.nudgeBy() != null && !c.loggedToday() && !local.toLocalTime().isBefore(c.nudgeBy()) && c.planId() != null) {
            PlanContent plan = revisions.one(c.planId(), c.revision()).content();
            LocalDate starts = LocalDate.ofInstant(c.planCreatedAt(), c.zone());
            if (sessionExpected(plan, starts, today) && outbox.enqueue(c.patientId(), PushKind.NUDGE, null, false)) {
                written++;
            }
        }
        List<DueQuestionnaires.Due> due = outcomeDue.due(c.schedules(), c.zone(), today, null);
        for (DueQuestionnaires.Due d : due) {
            if (today.equals(d.dueSince())
                    && outbox.enqueue(c.patientId(), PushKind.QUESTIONNAIRE_DUE, d.instrumentId(), false)) {
                written++;
            }
        }
        return written;
    }

    /** The plan asks for a session on the day: not paused, started, and an unpaused item due that day. */
    static boolean sessionExpected(PlanContent plan, LocalDate startsOn, LocalDate day) {
        return plan != null && !plan.paused() && !day.isBefore(startsOn)
                && plan.items().stream().anyMatch(i -> !i.paused() && i.schedule().isDueOn(day));
    }
}
