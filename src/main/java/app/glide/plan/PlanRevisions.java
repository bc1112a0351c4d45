package app.glide.plan;

import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.web.AfterCommit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Parsed plan revisions, kept per instance. A revision never changes once committed (the
 * table is append-only, numbered 1..current), so a parsed copy is reference data: any
 * replica can rebuild it from the database, and it is never stale. Only committed
 * revisions enter the cache: what a transaction reads is added when it commits, so a
 * revision written by a transaction that rolls back is never served.
 *
 * <p>Logging a session needs the plan's whole history (adherence is counted against the
 * revision in force on each day); with the cache that costs no statement and no JSON
 * parsing once a plan has been seen.
 */
@ApplicationScoped
public class PlanRevisions {

    /** About 3 KB each parsed: a few megabytes of heap at most. */
    static final int MAX_ENTRIES = 2048;

    public record Entry(int revision, Instant createdAt, LocalDate effectiveOn, String reason,
                        PlanContent content) {
    }

    private record Key(UUID planId, int revision) {
    }

    // Bounded, lookups take no lock; maintenance runs on the calling thread.
    private final Cache<Key, Entry> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).executor(Runnable::run).build();

    @Inject
    JsonColumns json;

    @Inject
    Sql sql;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Revisions 1..{@code current} of the plan, oldest first. */
    public List<Entry> history(UUID planId, int current) {
        List<Entry> found = new ArrayList<>(current);
        for (int r = 1; r <= current; r++) {
            Entry e = cache.getIfPresent(new Key(planId, r));
            if (e == null) {
                break;
            }
            found.add(e);
        }
        if (found.size() == current) {
            return found;
        }
        List<Entry> loaded = PlanRevision.<PlanRevision>find("id.planId = ?1 and id.revision <= ?2 order by id.revision",
                        planId, current).stream()
                .map(r -> new Entry(r.id.revision(), r.createdAt, r.effectiveOn, r.reason,
                        json.read(r.content, PlanContent.class)))
                .toList();
        remember(planId, loaded);
        return loaded;
    }

    /** One revision (the plan's current one, typically): no statement when cached, else one. */
    public Entry one(UUID planId, int revision) {
        Entry e = cache.getIfPresent(new Key(planId, revision));
        if (e != null) {
            return e;
        }
        Entry loaded = sql.first("""
                select created_at, effective_on, reason, cast(content as text) from plan_revision
                where plan_id = ? and revision = ?""",
                rs -> new Entry(revision, Sql.instant(rs, 1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        json.read(rs.getString(4), PlanContent.class)), planId, revision).orElse(null);
        if (loaded != null) {
            remember(planId, List.of(loaded));
        }
        return loaded;
    }

    /** One revision, or null when the plan has no such revision (yet). */
    public Entry revision(UUID planId, int revision, int current) {
        if (revision < 1 || revision > current) {
            return null;
        }
        return history(planId, current).stream().filter(e -> e.revision() == revision).findFirst().orElse(null);
    }

    /**
     * Forgets every parsed revision. Needed only when revision rows were changed behind the
     * application's back (a data repair with the immutability trigger switched off).
     */
    public void clear() {
        cache.invalidateAll();
    }

    /** Revisions cached now. */
    long cachedEntries() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Caches the entries once the current transaction (if any) has committed. */
    void remember(UUID planId, List<Entry> entries) {
        Runnable put = () -> {
            for (Entry e : entries) {
                cache.put(new Key(planId, e.revision()), e);
            }
        };
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            put.run();
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return;
        }
        AfterCommit.run(transactions, put);
    }
}
