package app.glide.web;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs something once the current transaction has committed, and never when it rolls back:
 * for in-memory state (caches, the revoked-session set) that may only show what the database
 * holds for good.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Registers {@code action} to run after the current (active) transaction commits. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
