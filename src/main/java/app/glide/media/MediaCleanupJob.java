package app.glide.media;

import app.glide.config.GlideConfig;
import app.glide.db.JobTimeouts;
import app.glide.db.Sql;
import app.glide.web.GracefulShutdown;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Removes uploads nobody confirmed in time (PENDING past their deadline: the object, if the client
 * uploaded one, and the row) and rejected uploads past their keeping time (the row, and the object
 * again: it was deleted on rejection, but a retried PUT with the still valid upload URL re-creates
 * it; a REJECTED row is kept at least as long as the upload URL works, see MediaUploads). Safe when every replica runs it: each batch claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so two replicas never take the same row, and deleting an object
 * that is already gone is no error.
 */
@ApplicationScoped
public class MediaCleanupJob {

    private static final Logger LOG = Logger.getLogger(MediaCleanupJob.class);
    private static final java.time.Duration RETRY_AFTER = java.time.Duration.ofMinutes(15);

    @Inject
    Sql sql;

    @Inject
    MediaStore store;

    @Inject
    JobTimeouts timeouts;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    GlideConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${glide.media.cleanup-every:15m}", delayed = "${glide.media.cleanup-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Integer removed = shutdown.job(this::runOnce);
        if (removed != null && removed > 0) {
            LOG.infof("Media: %d expired upload(s) removed", removed);
        }
    }

    /** Removes every expired upload, batch after batch; returns how many. */
    public int runOnce() {
        if (!store.configured()) {
            return 0;
        }
        int removed = 0;
        int batch = config.media().cleanupBatch();
        while (!shutdown.stopping()) {
            int n = QuarkusTransaction.requiringNew().call(() -> batch(batch));
            removed += n;
            if (n < batch) {
                break;
            }
        }
        return removed;
    }

    private record Expired(UUID id, String key, String state) {
    }

    private int batch(int size) {
        timeouts.apply(sql);
        List<Expired> rows = sql.list("""
                select id, object_key, state from media
                where state <> 'COMPLETE' and expires_at < ?
                order by expires_at limit ? for update skip locked""",
                rs -> new Expired(Sql.uuid(rs, 1), rs.getString(2), rs.getString(3)), clock.instant(), size);
        List<UUID> gone = new java.util.ArrayList<>();
        List<UUID> failed = new java.util.ArrayList<>();
        for (Expired e : rows) {
            // PENDING: the client may have uploaded. REJECTED: the object was deleted on rejection,
            // but the upload URL may have been used again since (the row outlives the URL); or the
            // row is an erased patient's tombstone (erasure/PatientErasure). Deleting a missing
            // object is no error.
            try {
                store.delete(e.key());
                gone.add(e.id());
            } catch (RuntimeException ex) {
                // The row stays and is tried again later. The media id only: keys name the clinic.
                LOG.warnf("Media: object of media %s not deleted (%s); retried in %s", e.id(),
                        ex.getClass().getSimpleName(), RETRY_AFTER);
                failed.add(e.id());
            }
        }
        if (!gone.isEmpty()) {
            sql.update("delete from media where id = any(?)", (Object) gone.toArray(UUID[]::new));
        }
        if (!failed.isEmpty()) {
            // A PENDING row can no longer be confirmed: it is REJECTED as expired, as it would have been.
            sql.update("""
                    update media set state = 'REJECTED', rejected_as = coalesce(rejected_as, 'media-upload-expired'),
                        expires_at = ? where id = any(?)""", clock.instant().plus(RETRY_AFTER),
                    (Object) failed.toArray(UUID[]::new));
        }
        return rows.size();
    }
}
