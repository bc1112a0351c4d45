package app.glide.push;

import app.glide.language.LanguageChoice;
import app.glide.language.RuleTexts;
import app.glide.config.GlideConfig;
import app.glide.db.JobTimeouts;
import app.glide.db.Sql;
import app.glide.reminder.ReminderPreferences.QuietHours;
import app.glide.web.GracefulShutdown;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends the outbox. Safe when every replica runs it: a run claims a batch of due rows with
 * {@code for update skip locked} and, in the same short transaction, leases them (moves their
 * next_attempt_at {@code glide.push.lease} ahead), so no other dispatcher sees them while this one
 * talks to the providers outside any transaction; each row's outcome is then written in its own
 * transaction. A replica that dies mid-send leaves its rows to be sent again after the lease
 * (at least once, never twice while it lives). Non-urgent rows inside the patient's quiet hours
 * are not claimed: they wait, pending, until the quiet hours end (patient's zone).
 */
@ApplicationScoped
public class PushDispatcher {

    private static final Logger LOG = Logger.getLogger(PushDispatcher.class);
    /** A platform without a configured sender: look again this much later (no attempt is counted). */
    static final Duration NO_SENDER_WAIT = Duration.ofMinutes(1);

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    JobTimeouts timeouts;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    PushSenders senders;

    @Inject
    PushMetrics metrics;

    @Inject
    GlideConfig config;

    @Scheduled(every = "${glide.push.dispatch-every:5s}", delayed = "${glide.push.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Integer done = shutdown.job(this::dispatchOnce);
        if (done != null && done > 0) {
            LOG.debugf("Push: %d outbox row(s) handled", done);
        }
    }

    /**
     * A claimed row, with what sending it needs; {@code language}: the shipped language of its
     * title and body (no request here: the patient's locale, then the clinic's default, then English).
     */
    record Claimed(UUID id, UUID patientId, PushKind kind, String refId, boolean urgent, int attempts, String language) {

        Claimed(UUID id, UUID patientId, PushKind kind, String refId, boolean urgent, int attempts) {
            this(id, patientId, kind, refId, urgent, attempts, LanguageChoice.ENGLISH);
        }
    }

    /** One batch: claims, sends, records; then refreshes the gauges. Returns how many rows were claimed. */
    public int dispatchOnce() {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        for (Claimed c : claimed) {
            QuarkusTransaction.requiringNew().run(() -> record(c, send(c)));
        }
        QuarkusTransaction.requiringNew().run(metrics::refresh);
        return claimed.size();
    }

    /** Due rows not locked by another dispatcher; quiet ones are postponed, the rest leased. */
    List<Claimed> claim() {
        timeouts.apply(sql);
        Instant now = clock.instant();
        record Row(Claimed c, String zone, LocalTime quietStart, LocalTime quietEnd) {
        }
        List<Row> rows = sql.list("""
                select o.id, o.patient_id, o.kind, o.ref_id, o.urgent, o.attempts, p.time_zone, rp.quiet_start,
                       rp.quiet_end, rp.patient_id is null, u.locale, cs.default_locale
                from push_outbox o
                join patient p on p.id = o.patient_id
                join app_user u on u.id = o.patient_id
                left join clinic_settings cs on cs.clinic_id = p.clinic_id
                left join reminder_preference rp on rp.patient_id = o.patient_id
                where o.status = 'PENDING' and o.next_attempt_at <= ?
                order by o.next_attempt_at
                limit ?
                for update of o skip locked""",
                rs -> {
                    boolean defaults = rs.getBoolean(10);
                    QuietHours d = app.glide.reminder.ReminderPreferences.DEFAULT.quietHours();
                    return new Row(new Claimed(Sql.uuid(rs, 1), Sql.uuid(rs, 2), PushKind.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getBoolean(5), rs.getInt(6),
                            RuleTexts.language(LanguageChoice.stored(rs.getString(11), rs.getString(12)))), rs.getString(7),
                            defaults ? d.start() : rs.getObject(8, LocalTime.class),
                            defaults ? d.end() : rs.getObject(9, LocalTime.class));
                }, now, config.push().batch());
        List<Claimed> out = new ArrayList<>();
        for (Row r : rows) {
            QuietHours quiet = r.quietStart() == null ? null : new QuietHours(r.quietStart(), r.quietEnd());
            Instant wait = r.c().urgent() ? null
                    : PushTiming.quietUntil(now, ZoneId.of(r.zone()), quiet).orElse(null);
            if (wait != null) {
                sql.update("update push_outbox set next_attempt_at = ? where id = ?", wait, r.c().id());
            } else {
                sql.update("update push_outbox set next_attempt_at = ? where id = ?", now.plus(config.push().lease()), r.c().id());
                out.add(r.c());
            }
        }
        return out;
    }

    /** What sending one row to all the patient's devices came to. */
    record Sent(int devices, int accepted, int noSender, int dead, boolean retry, Duration retryAfter, String error) {
    }

    /** Outside any transaction: one call per device of the patient (dead tokens are removed at once). */
    Sent send(Claimed c) {
        record Device(PushSender.Platform platform, String token) {
        }
        List<Device> devices = QuarkusTransaction.requiringNew().call(() -> sql.list(
                "select platform, push_token from device where patient_id = ? order by updated_at desc",
                rs -> new Device(PushSender.Platform.valueOf(rs.getString(1)), rs.getString(2)), c.patientId()));
        PushSender.PushMessage message = message(c);
        int accepted = 0;
        int noSender = 0;
        int dead = 0;
        boolean retry = false;
        Duration retryAfter = null;
        String error = null;
        for (Device d : devices) {
            PushSender sender = senders.of(d.platform()).orElse(null);
            if (sender == null) {
                noSender++;
                error = "no " + d.platform() + " sender configured";
                continue;
            }
            PushSender.Result r;
            try {
                r = sender.send(d.token(), message);
            } catch (RuntimeException e) {
                r = new PushSender.Result(PushSender.Outcome.RETRY, e.getClass().getSimpleName(), null);
            }
            switch (r.outcome()) {
                case SENT -> accepted++;
                case DEAD_TOKEN -> {
                    dead++;
                    QuarkusTransaction.requiringNew().run(() -> sql.update(
                            "delete from device where patient_id = ? and push_token = ?", c.patientId(), d.token()));
                    metrics.deadToken();
                }
                case RETRY -> {
                    retry = true;
                    error = d.platform() + ": " + r.detail();
                    if (r.retryAfter() != null && (retryAfter == null || r.retryAfter().compareTo(retryAfter) > 0)) {
                        retryAfter = r.retryAfter();
                    }
                }
                case FAILED -> error = d.platform() + ": " + r.detail();
            }
        }
        return new Sent(devices.size(), accepted, noSender, dead, retry, retryAfter, error);
    }

    /**
     * The fixed title and body of the kind, in the patient's language, and only ids: no health
     * details ever leave in a push.
     */
    static PushSender.PushMessage message(Claimed c) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", c.kind().name());
        data.put("outboxId", c.id().toString());
        if (c.kind().refKey != null && c.refId() != null) {
            data.put(c.kind().refKey, c.refId());
        }
        return new PushSender.PushMessage(c.kind().name(), c.kind().title(c.language()), c.kind().body(c.language()),
                Map.copyOf(data), c.urgent());
    }

    /**
     * One device accepted it: SENT. Else a RETRY: again after the backoff, FAILED after
     * glide.push.max-attempts. Else a device without a configured sender: stays PENDING (no
     * attempt counted). Else a refusal: FAILED. Else (no devices, or all tokens dead): DROPPED.
     */
    void record(Claimed c, Sent s) {
        Instant now = clock.instant();
        String status;
        int attempts = c.attempts();
        Instant next = now;
        if (s.accepted() > 0) {
            status = "SENT";
            metrics.sent();
        } else if (s.retry()) {
            attempts++;
            status = attempts >= config.push().maxAttempts() ? "FAILED" : "PENDING";
            next = now.plus(PushTiming.backoff(attempts, s.retryAfter()));
        } else if (s.noSender() > 0) {
            status = "PENDING";
            next = now.plus(NO_SENDER_WAIT);
        } else if (s.error() != null) {
            status = "FAILED";
        } else {
            status = "DROPPED";
        }
        if ("FAILED".equals(status)) {
            metrics.failed();
        }
        String error = s.accepted() > 0 ? null
                : s.error() != null ? truncate(s.error())
                : s.devices() == 0 ? "no device" : s.dead() > 0 ? "every token dead" : null;
        sql.update("""
                update push_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ?
                where id = ?""", status, attempts, next, error, "SENT".equals(status) ? now : null, c.id());
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
