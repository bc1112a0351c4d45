package app.glide.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit: callers that arrive while a write is in progress queue their item and wait;
 * when the write ends, one of them writes everything queued, in one go, for all of them.
 * Every caller returns only once the write holding its item has succeeded, and throws what
 * that write threw. Nothing is kept after {@link #commit} returns. Plain Java.
 *
 * <p>Callers may announce an item before they have it ({@link #begin}: a read that will be
 * recorded once it has run). A caller about to write then lingers, at most {@code linger},
 * while announced items are still to come, so that they share its write: a lone caller, or one
 * whose announced items have all arrived, writes at once; under load, the writes (and their
 * round trips and per-statement work in the database) are shared by several items.
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

    /** An announced item: closed by {@link #commit(Ticket, Object)} or {@link #abandon}, whichever comes first. */
    static final class Ticket {
        private boolean open = true;
    }

    private final int maxGroup;
    private final long lingerNanos;
    private final Consumer<List<T>> write;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a write ends. */
    private final Condition written = lock.newCondition();
    /** Signalled when an announced item arrives or is abandoned (a lingering writer waits for it). */
    private final Condition arrived = lock.newCondition();
    private final List<Pending<T>> queue = new ArrayList<>();
    /** Announced items not yet queued nor abandoned. */
    private int announced;
    private boolean writing;

    GroupCommit(int maxGroup, Consumer<List<T>> write) {
        this(maxGroup, 0, TimeUnit.NANOSECONDS, write);
    }

    GroupCommit(int maxGroup, long linger, TimeUnit unit, Consumer<List<T>> write) {
        this.maxGroup = maxGroup;
        this.lingerNanos = unit.toNanos(linger);
        this.write = write;
    }

    /** Announces an item that will be committed or abandoned with the ticket. */
    Ticket begin() {
        lock.lock();
        try {
            announced++;
            return new Ticket();
        } finally {
            lock.unlock();
        }
    }

    /** The announced item will not come (the read failed); a no-op once the ticket is closed. */
    void abandon(Ticket ticket) {
        lock.lock();
        try {
            if (close(ticket)) {
                arrived.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes {@code item}, alone or with others queued meanwhile; returns when it is written. */
    void commit(T item) {
        commit(null, item);
    }

    /** Writes the item announced with {@code ticket} (null: not announced); returns when it is written. */
    void commit(Ticket ticket, T item) {
        Pending<T> mine = new Pending<>(item);
        lock.lock();
        try {
            close(ticket);
            queue.add(mine);
            arrived.signal();
        } finally {
            lock.unlock();
        }
        while (true) {
            List<Pending<T>> group;
            lock.lock();
            try {
                awaitTurn(mine);
                if (mine.done) {
                    rethrow(mine);
                    return;
                }
                // Not written and nobody writing: mine is queued. Wait for the announced items
                // still to come (at most lingerNanos), then write the oldest group (mine, or with
                // more than maxGroup waiting, the ones before it first; then go round again).
                writing = true;
                linger();
                List<Pending<T>> oldest = queue.subList(0, Math.min(maxGroup, queue.size()));
                group = new ArrayList<>(oldest);
                oldest.clear();
            } finally {
                lock.unlock();
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
                lock.lock();
                try {
                    for (Pending<T> p : group) {
                        p.done = true;
                        p.failure = failure;
                    }
                    writing = false;
                    written.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private boolean close(Ticket ticket) {
        if (ticket == null || !ticket.open) {
            return false;
        }
        ticket.open = false;
        announced--;
        return true;
    }

    /** Holding the lock, as the writer: waits while announced items are still to come and there is room. */
    private void linger() {
        long left = lingerNanos;
        boolean interrupted = false;
        while (announced > 0 && queue.size() < maxGroup && left > 0) {
            try {
                left = arrived.awaitNanos(left);
            } catch (InterruptedException e) {
                interrupted = true; // write what is queued now: the caller's item is among it
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (holding the lock) until {@code mine} is written or nobody is writing. */
    private void awaitTurn(Pending<T> mine) {
        boolean interrupted = false;
        try {
            while (!mine.done && writing) {
                try {
                    written.await();
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
