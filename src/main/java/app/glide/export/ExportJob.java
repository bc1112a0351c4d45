package app.glide.export;

import app.glide.audit.AuditLog;
import app.glide.config.GlideConfig;
import app.glide.db.JobTimeouts;
import app.glide.db.ReadRouting;
import app.glide.db.Sql;
import app.glide.web.GracefulShutdown;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Builds waiting exports and clears expired ones, on every replica. A build is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease ({@code claimed_until}): two replicas never build
 * the same export, and one whose builder died (replica killed) is claimed again once the lease
 * is over. The attempt number fences the result: a builder that lost its lease cannot
 * overwrite the new builder's. After glide.export.max-attempts the export is FAILED.
 */
@ApplicationScoped
public class ExportJob {

    private static final Logger LOG = Logger.getLogger(ExportJob.class);
    /** How long an EXPIRED export (status only, no file) is kept before its row is deleted. */
    static final java.time.Duration KEEP_EXPIRED = java.time.Duration.ofDays(30);

    @Inject
    Sql sql;

    @Inject
    ExportZip zip;

    @Inject
    AuditLog audit;

    @Inject
    JobTimeouts timeouts;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    GlideConfig config;

    @Inject
    ReadRouting routing;

    @Inject
    Clock clock;

    @Scheduled(every = "${glide.export.build-every:5s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        shutdown.job(this::runOnce);
    }

    /** Clears expired exports, then builds every waiting one; returns how many it built (or failed). */
    public int runOnce() {
        QuarkusTransaction.requiringNew().run(this::expire);
        int done = 0;
        while (!shutdown.stopping()) {
            Optional<Claim> claim = QuarkusTransaction.requiringNew().call(this::claim);
            if (claim.isEmpty()) {
                break;
            }
            build(claim.get());
            done++;
        }
        return done;
    }

    record Claim(UUID id, UUID patientId, UUID clinicId, int attempt, Instant requestedAt) {
    }

    private Optional<Claim> claim() {
        timeouts.apply(sql);
        Instant now = clock.instant();
        return sql.first("""
                update patient_export set status = 'RUNNING', claimed_until = ?, attempts = attempts + 1
                where id = (select e.id from patient_export e
                            where (e.status = 'PENDING' and (e.claimed_until is null or e.claimed_until < ?)
                                   or e.status = 'RUNNING' and e.claimed_until < ?)
                              and not exists (select 1 from patient p where p.id = e.patient_id and p.erased_at is not null)
                            order by e.created_at limit 1 for update of e skip locked)
                returning id, patient_id, clinic_id, attempts, created_at""",
                rs -> new Claim(Sql.uuid(rs, 1), Sql.uuid(rs, 2), Sql.uuid(rs, 3), rs.getInt(4), Sql.instant(rs, 5)),
                now.plus(config.export().lease()), now, now);
    }

    private void build(Claim c) {
        if (c.attempt() > config.export().maxAttempts()) {
            fail(c, "gave-up: " + config.export().maxAttempts() + " attempts did not finish");
            return;
        }
        Instant asOf = clock.instant();
        byte[] bytes;
        try {
            // On the read replica when it is within glide.read-replica.max-lag and holds everything
            // committed before the export was requested (one REPEATABLE READ, READ ONLY transaction
            // there), else on the primary (docs/operations.md "Read routing").
            java.time.Duration sinceRequest = java.time.Duration.between(c.requestedAt(), asOf);
            // A replica copy holds what was committed up to its lag before asOf, no more: the
            // manifest (and the FHIR bundle's timestamp) say so instead of overstating it.
            bytes = routing.onReplicaSnapshot(sinceRequest, behind -> {
                timeouts.apply(sql);
                return zip.build(c.id(), c.patientId(), asOf.minus(behind), config.export().maxBytes());
            }).orElseGet(() -> QuarkusTransaction.requiringNew().call(() -> {
                sql.update("set transaction isolation level repeatable read, read only");
                timeouts.apply(sql);
                return zip.build(c.id(), c.patientId(), asOf, config.export().maxBytes());
            }));
        } catch (ExportZip.TooLarge e) {
            fail(c, "too-large: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            Instant retryAt = clock.instant().plus(backoff(c.attempt()));
            LOG.warnf(e, "Export %s: attempt %d failed; next attempt not before %s", c.id(), c.attempt(), retryAt);
            QuarkusTransaction.requiringNew().run(() -> {
                timeouts.apply(sql);
                // Waits before the next attempt (claimed_until on a PENDING export: not before then),
                // so max-attempts are not spent within seconds on a passing outage.
                sql.update("""
                        update patient_export set status = 'PENDING', claimed_until = ?
                        where id = ? and status = 'RUNNING' and attempts = ?""", retryAt, c.id(), c.attempt());
            });
            return;
        }
        Instant done = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            timeouts.apply(sql);
            int stored = sql.update("""
                    update patient_export set status = 'READY', content = ?, bytes = ?, sha256 = ?, completed_at = ?,
                        expires_at = ?, claimed_until = null
                    where id = ? and status = 'RUNNING' and attempts = ?""",
                    bytes, (long) bytes.length, sha256(bytes), done, done.plus(config.export().ttl()), c.id(), c.attempt());
            if (stored == 1) {
                audit.recordAs(c.clinicId(), null, AuditLog.SYSTEM, "patient_export", c.id(), "built",
                        Map.of("patientId", c.patientId().toString(), "bytes", bytes.length));
            }
        });
    }

    private void fail(Claim c, String why) {
        QuarkusTransaction.requiringNew().run(() -> {
            timeouts.apply(sql);
            int n = sql.update("""
                    update patient_export set status = 'FAILED', failure = ?, completed_at = ?, claimed_until = null
                    where id = ? and status = 'RUNNING' and attempts = ?""",
                    why.length() > 200 ? why.substring(0, 200) : why, clock.instant(), c.id(), c.attempt());
            if (n == 1) {
                audit.recordAs(c.clinicId(), null, AuditLog.SYSTEM, "patient_export", c.id(), "failed",
                        Map.of("patientId", c.patientId().toString(), "failure", why.split(":")[0]));
            }
        });
    }

    /** Ready or failed exports past their expiry lose their file; the row stays (GET says EXPIRED, download 410). */
    private void expire() {
        timeouts.apply(sql);
        int n = sql.update("""
                update patient_export set status = 'EXPIRED', content = null
                where id in (select id from patient_export where status in ('READY', 'FAILED') and expires_at < ?
                             order by expires_at limit 500 for update skip locked)""", clock.instant());
        // EXPIRED rows hold no file; after KEEP_EXPIRED they go (a poll then answers 404).
        int purged = sql.update("""
                delete from patient_export where id in (select id from patient_export where status = 'EXPIRED'
                    and expires_at < ? order by expires_at limit 500 for update skip locked)""",
                clock.instant().minus(KEEP_EXPIRED));
        if (n > 0 || purged > 0) {
            LOG.infof("Exports: %d expired, %d expired ones deleted", n, purged);
        }
    }

    /** 1 minute after the first failed attempt, then 2, 4, ... at most the lease. */
    java.time.Duration backoff(int attempt) {
        java.time.Duration d = java.time.Duration.ofMinutes(1L << Math.min(Math.max(attempt - 1, 0), 10));
        return d.compareTo(config.export().lease()) > 0 ? config.export().lease() : d;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
