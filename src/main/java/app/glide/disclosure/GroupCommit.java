package app.glide.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Group commit: callers that arrive while a write is in progress queue their item and wait;
 * when the write ends, one of them writes everything queued, in one go, for all of them. A
 * lone caller writes its own item at once (no timer, no added latency); under load the
 * writes, and their round trips to the database, are shared. Every caller returns only once
 * the write holding its item has succeeded, and throws what that write threw. Nothing is
 * kept after {@link #commit} returns. Plain Java.
 */
final class GroupCommit<T> {

    private static final class Pending<T> {
        final T item;
        boolean done;
        Throwable failure;

        Pending(T item) {
            this.item = item;
        }
    }

    private final int maxGroup;
    private final Consumer<List<T>> write;
    private final Object lock = new Object();
    private final List<Pending<T>> queue = new ArrayList<>();
    private boolean writing;

    GroupCommit(int maxGroup, Consumer<List<T>> write) {
        this.maxGroup = maxGroup;
        this.write = write;
    }

    /** Writes {@code item}, alone or with others queued meanwhile; returns when it is written. */
    void commit(T item) {
        Pending<T> mine = new Pending<>(item);
        synchronized (lock) {
            queue.add(mine);
        }
        while (true) {
            List<Pending<T>> group;
            synchronized (lock) {
                awaitTurn(mine);
                if (mine.done) {
                    rethrow(mine);
                    return;
                }
                // Not written and nobody writing: mine is queued. Write the oldest group (mine, or
                // with more than maxGroup waiting, the ones before it first; then go round again).
                writing = true;
                List<Pending<T>> oldest = queue.subList(0, Math.min(maxGroup, queue.size()));
                group = new ArrayList<>(oldest);
                oldest.clear();
            }
            Throwable failure = new IllegalStateException("the write ended without an outcome");
            try {
                write.accept(group.stream().map(p -> p.item).toList());
                failure = null;
            } catch (Throwable e) { // an Error too: no caller of the group may go on as if written
                failure = e;
                if (e instanceof Error error && !group.contains(mine)) {
                    throw error;
                }
            } finally {
                synchronized (lock) {
                    for (Pending<T> p : group) {
                        p.done = true;
                        p.failure = failure;
                    }
                    writing = false;
                    lock.notifyAll();
                }
            }
        }
    }

    /** Waits (holding the lock) until {@code mine} is written or nobody is writing. */
    private void awaitTurn(Pending<T> mine) {
        boolean interrupted = false;
        try {
            while (!mine.done && writing) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (queue.remove(mine)) {
                        throw new IllegalStateException("interrupted before the access record was written", e);
                    }
                    // Already in a group being written: wait for its outcome.
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Each caller gets its own exception (one object is never thrown in several threads), caused by the write's. */
    private static void rethrow(Pending<?> p) {
        if (p.failure != null) {
            throw new WriteFailed(p.failure);
        }
    }

    /** The write that held the caller's item failed: the item is not written. */
    static final class WriteFailed extends RuntimeException {
        WriteFailed(Throwable cause) {
            super("the access record was not written: " + cause.getMessage(), cause);
        }
    }
}
