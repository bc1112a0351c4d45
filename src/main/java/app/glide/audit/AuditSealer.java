package app.glide.audit;

import app.glide.config.GlideConfig;
import app.glide.db.JobTimeouts;
import app.glide.db.Sql;
import app.glide.web.DbFailure;
import app.glide.web.GracefulShutdown;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Seals committed audit events into the hash chain (docs/security.md, "Audit"), off the
 * write path: writes only insert their event; this job, on every replica, asks the database
 * function {@code audit_seal} to number and chain what has committed since. One replica at a
 * time gets to (a transaction-scoped advisory lock); the others return at once.
 *
 * <p>Each seal that chained something logs the head of the chain (sequence number and hash).
 * Those log lines live outside the database: they are the anchors that make a rewrite of the
 * whole chain by the schema owner detectable ({@code scripts/verify-audit.sh --anchor}).
 */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    /** The chain after a seal: how many events were chained, and its head (0 / null when empty or skipped). */
    public record Seal(int sealed, long headSeq, String headHash) {
    }

    @Inject
    Sql sql;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    GlideConfig config;

    @Inject
    JobTimeouts timeouts;

    /**
     * Never starts once SIGTERM has come. When the database cannot be reached the job tries again
     * next time, quietly: requests and readiness report the outage (web/DbOutages).
     */
    @Scheduled(every = "${glide.audit.seal-every:10s}", delayed = "${glide.audit.seal-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Seal s = shutdown.job(() -> sealAll(false, true));
            if (s != null && s.sealed() > 0) {
                LOG.infof("Audit chain sealed through #%d (head sha256 %s), %d new event(s)", s.headSeq(), s.headHash(),
                        s.sealed());
            }
        } catch (RuntimeException e) {
            DbFailure.Kind kind = DbFailure.classify(e);
            if (kind == null) {
                LOG.error("Audit sealing failed", e);
            } else {
                LOG.debugf("Audit sealing skipped (%s): %s", kind.slug(), DbFailure.describe(e));
            }
        }
    }

    /**
     * Seals every committed, unsealed event, in batches (each its own transaction), until none
     * is left or the service is stopping. With {@code wait}, waits for a sealer that is running
     * elsewhere instead of leaving the work to it.
     */
    public Seal sealAll(boolean wait) {
        return sealAll(wait, false);
    }

    /**
     * With {@code paced}, the scheduled job's way: after each full batch it rests as long as the
     * batch took, so a backlog (say 5,000 events after a burst of session uploads) is chained at
     * most half of one core's time at a time instead of in one long burst that competes with
     * requests for the CPU (docs/benchmarks.md: the caseload's p95 with and without the sealer).
     * Resting holds no transaction and no lock; another replica may seal meanwhile.
     */
    Seal sealAll(boolean wait, boolean paced) {
        int total = 0;
        Seal last = new Seal(0, 0, null);
        while (!shutdown.stopping()) {
            long started = System.nanoTime();
            Seal s = QuarkusTransaction.requiringNew().call(() -> batch(wait));
            if (s.headHash() != null) {
                last = s;
            }
            total += s.sealed();
            if (s.sealed() < config.audit().sealBatch()) {
                break;
            }
            if (paced && !rest(Duration.ofNanos(System.nanoTime() - started))) {
                break;
            }
        }
        return new Seal(total, last.headSeq(), last.headHash());
    }

    /** False when interrupted (the service is stopping): the rest is sealed next time. */
    private static boolean rest(Duration d) {
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Seal batch(boolean wait) {
        timeouts.apply(sql);
        return sql.first("select sealed, head_seq, head_hash from audit_seal(?, ?)",
                rs -> new Seal(rs.getInt(1), rs.getLong(2), rs.getString(3)), config.audit().sealBatch(), wait).orElseThrow();
    }
}
