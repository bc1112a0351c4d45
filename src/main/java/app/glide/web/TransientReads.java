package app.glide.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;

/**
 * Idempotent reads of the phone and the caseload, tried once more when the first try met
 * the database unreachable — typically a pooled connection that died with a database
 * restart, which the next try replaces. Only outside a transaction (nothing of the first
 * try can remain), never after a lost race or a timeout (it would only wait twice as long)
 * and never after waiting for a free connection (that would double the wait of a starved
 * pool). A second failure goes to the client as the 503 it is.
 */
@ApplicationScoped
public class TransientReads {

    @Inject
    TransactionSynchronizationRegistry transactions;

    public <T> T once(Supplier<T> read) {
        return once(read, transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION);
    }

    static <T> T once(Supplier<T> read, boolean outsideTransaction) {
        try {
            return read.get();
        } catch (RuntimeException first) {
            if (!outsideTransaction || !retryable(first)) {
                throw first;
            }
            return read.get();
        }
    }

    /** The database unreachable, but not because the pool had no connection to give in time. */
    static boolean retryable(Throwable e) {
        if (DbFailure.classify(e) != DbFailure.Kind.UNAVAILABLE) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.startsWith("Sorry, acquisition timeout") || m.startsWith("Acquisition timeout"))) {
                return false;
            }
        }
        return true;
    }
}
