package app.glide.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The parsed-revision cache in plain Java: bounded, and only what a committed transaction read. */
class PlanRevisionsCacheTest {

    /** A transaction registry with one transaction in the given status; keeps what registers for its end. */
    static final class Transactions implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_NO_TRANSACTION;
        final List<Synchronization> registered = new ArrayList<>();

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered.add(sync);
        }

        @Override
        public Object getTransactionKey() {
            return null;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    private final Transactions transactions = new Transactions();
    private final PlanRevisions revisions = new PlanRevisions();

    PlanRevisionsCacheTest() {
        revisions.transactions = transactions;
    }

    private static PlanRevisions.Entry entry(int revision) {
        return new PlanRevisions.Entry(revision, Instant.EPOCH, LocalDate.EPOCH, null, null);
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < PlanRevisions.MAX_ENTRIES + 500; i++) {
            revisions.remember(UUID.randomUUID(), List.of(entry(1)));
        }
        assertEquals(PlanRevisions.MAX_ENTRIES, revisions.cachedEntries());
    }

    @Test
    void onlyWhatACommittedTransactionReadIsCached() {
        UUID plan = UUID.randomUUID();
        transactions.status = Status.STATUS_ACTIVE;
        revisions.remember(plan, List.of(entry(1), entry(2)));
        assertEquals(0, revisions.cachedEntries(), "not before the transaction ends");
        transactions.registered.get(0).afterCompletion(Status.STATUS_ROLLEDBACK);
        assertEquals(0, revisions.cachedEntries(), "never when it rolled back");
        revisions.remember(plan, List.of(entry(1), entry(2)));
        transactions.registered.get(1).afterCompletion(Status.STATUS_COMMITTED);
        assertEquals(2, revisions.cachedEntries());
        // Served without a statement (the test has no database).
        assertNotNull(revisions.one(plan, 2));
        assertEquals(2, revisions.history(plan, 2).size());
    }

    @Test
    void aTransactionMarkedForRollbackCachesNothing() {
        transactions.status = Status.STATUS_MARKED_ROLLBACK;
        revisions.remember(UUID.randomUUID(), List.of(entry(1)));
        assertEquals(0, transactions.registered.size());
        assertEquals(0, revisions.cachedEntries());
    }
}
