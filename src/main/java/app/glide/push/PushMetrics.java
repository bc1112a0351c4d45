package app.glide.push;

import app.glide.db.Sql;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The outbox's meters on /q/metrics (management port): counters of notifications sent, rows
 * failed for good and dead tokens removed (this replica's, since start), and two gauges, the
 * pending rows and the age of the oldest one. The gauges read fields that {@link #refresh()}
 * sets from one query after each dispatcher run, so a scrape never touches the database; they
 * are as fresh as the last run (every glide.push.dispatch-every), NaN before the first.
 */
@ApplicationScoped
public class PushMetrics {

    @Inject
    MeterRegistry meters;

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    private Counter sent;
    private Counter failed;
    private Counter deadTokens;
    private volatile double pending = Double.NaN;
    private volatile double oldestAge = Double.NaN;

    void onStart(@Observes StartupEvent start) {
        sent = Counter.builder("glide.push.sent").description("Push notifications the provider accepted")
                .register(meters);
        failed = Counter.builder("glide.push.failed")
                .description("Outbox rows given up (refused by the provider or out of attempts)").register(meters);
        deadTokens = Counter.builder("glide.push.dead.tokens")
                .description("Devices removed because the provider reported their token dead").register(meters);
        Gauge.builder("glide.push.outbox.pending", this, m -> m.pending)
                .description("Outbox rows waiting to be sent (as of the dispatcher's last run)").register(meters);
        Gauge.builder("glide.push.outbox.oldest.pending.age", this, m -> m.oldestAge).baseUnit("seconds")
                .description("Age of the oldest pending outbox row (as of the dispatcher's last run; 0 when none)")
                .register(meters);
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failed.increment();
    }

    void deadToken() {
        deadTokens.increment();
    }

    /** One statement (an index range on the pending rows). */
    public void refresh() {
        sql.first("""
                select count(*), coalesce(extract(epoch from (cast(? as timestamptz) - min(created_at))), 0)
                from push_outbox where status = 'PENDING'""",
                rs -> {
                    pending = rs.getLong(1);
                    oldestAge = Math.max(0, rs.getDouble(2));
                    return Boolean.TRUE;
                }, clock.instant());
    }
}
