package app.glide.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit: callers that arrive while a write is in progress queue their item and wait;
 * when the write ends, the first of them writes everything queued (up to {@code maxGroup}), in
 * one go, for all of them. A waiting caller is woken only when the write holding its item has
 * ended or when it is the next to write, never by every write nor by every arrival: thread
 * wake-ups (a system call and a context switch each) are most of what coordination costs.
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
        /** Signalled when this item is written, or when it is first in the queue and nobody writes. */
        final Condition turn;
        boolean done;
        Throwable failure;

        Pending(T item, Condition turn) {
            this.item = item;
            this.turn = turn;
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
    /** Signalled when the lingering writer need not wait any more (the last announced item came, or the group is full). */
    private final Condition arrived = lock.newCondition();
    private final List<Pending<T>> queue = new ArrayList<>();
    /** Announced items not yet queued nor abandoned. */
    private int announced;
    private boolean writing;
    /** A writer waits on {@link #arrived}. */
    private boolean lingering;

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
                wakeLingeringWriterIfDone();
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
        Pending<T> mine = new Pending<>(item, lock.newCondition());
        lock.lock();
        try {
            close(ticket);
            queue.add(mine);
            wakeLingeringWriterIfDone();
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
                // Not written, nobody writing, mine first in the queue: wait for the announced
                // items still to come (at most lingerNanos), then write the first maxGroup queued
                // (mine among them); the loop then returns its outcome.
                writing = true;
                linger();
                List<Pending<T>> oldest = queue.subList(0, Math.min(maxGroup, queue.size()));
                group = new ArrayList<>(oldest);
                oldest.clear();
            } finally {
                lock.unlock();
            }
            // No exception made in advance: filling in its stack trace (~100 frames under a
            // resource method) on every write showed in the profile (docs/benchmarks.md "Access log").
            Throwable failure = null;
            try {
                write.accept(group.stream().map(p -> p.item).toList());
            } catch (Throwable e) { // an Error too: no caller of the group may go on as if written
                failure = e;
            } finally {
                lock.lock();
                try {
                    // Wake exactly the callers of this group, and the first of the queue (the next
                    // writer): the others sleep on until a write holds their item or they are first.
                    for (Pending<T> p : group) {
                        p.done = true;
                        p.failure = failure;
                        p.turn.signal();
                    }
                    writing = false;
                    wakeNextWriter();
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
        lingering = true;
        try {
            while (!lingerDone() && left > 0) {
                try {
                    left = arrived.awaitNanos(left);
                } catch (InterruptedException e) {
                    interrupted = true; // write what is queued now: the caller's item is among it
                    break;
                }
            }
        } finally {
            lingering = false;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean lingerDone() {
        return announced == 0 || queue.size() >= maxGroup;
    }

    /**
     * Holding the lock: wakes the lingering writer only once it has nothing more to wait for (one
     * wake-up per group, not one per item that arrives).
     */
    private void wakeLingeringWriterIfDone() {
        if (lingering && lingerDone()) {
            arrived.signal();
        }
    }

    /** Holding the lock, nobody writing: the first queued caller writes next. */
    private void wakeNextWriter() {
        if (!writing && !queue.isEmpty()) {
            queue.get(0).turn.signal();
        }
    }

    /** Waits (holding the lock) until {@code mine} is written, or nobody is writing and it is first in the queue. */
    private void awaitTurn(Pending<T> mine) {
        boolean interrupted = false;
        try {
            while (!mine.done && (writing || queue.get(0) != mine)) {
                try {
                    mine.turn.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (queue.remove(mine)) {
                        wakeNextWriter(); // it may have been woken as the next writer in this caller's place
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
