package app.glide.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code permits} callers at a time per key; the others wait a bounded time and
 * then give up. Waiting here holds no database connection, so one key's pile-up (one
 * patient's writes stuck behind a lock) cannot take more than {@code permits}
 * connections of the pool. Keys without callers are forgotten. Plain Java.
 */
public final class Bulkhead<K> {

    private static final class Slot {
        final Semaphore permits;
        int users; // guarded by the map's lock on this key (only changed inside compute)

        Slot(int permits) {
            this.permits = new Semaphore(permits, true);
        }
    }

    private final int permits;
    private final ConcurrentHashMap<K, Slot> slots = new ConcurrentHashMap<>();

    public Bulkhead(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        this.permits = permits;
    }

    /** Takes a permit for {@code key}, waiting at most {@code timeoutMillis}; false when none came. Call {@link #exit} after true. */
    public boolean enter(K key, long timeoutMillis) throws InterruptedException {
        Slot slot = slots.compute(key, (k, s) -> {
            Slot in = s == null ? new Slot(permits) : s;
            in.users++;
            return in;
        });
        boolean entered = false;
        try {
            entered = slot.permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
            return entered;
        } finally {
            if (!entered) {
                leave(key, false);
            }
        }
    }

    /** Gives back the permit taken by a successful {@link #enter}. */
    public void exit(K key) {
        leave(key, true);
    }

    private void leave(K key, boolean release) {
        slots.computeIfPresent(key, (k, s) -> {
            if (release) {
                s.permits.release();
            }
            return --s.users == 0 ? null : s;
        });
    }

    /** Keys with callers inside or waiting. */
    public int keys() {
        return slots.size();
    }
}
