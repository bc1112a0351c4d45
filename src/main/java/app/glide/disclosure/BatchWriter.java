package app.glide.disclosure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Write-behind in batches: callers {@link #offer} items to a bounded queue and go on; one thread
 * waits for an item, lets the items of the next {@code interval} join it, and hands up to
 * {@code maxBatch} of them to {@code write} at once. A batch the write refuses (returns false)
 * is kept and handed again, with what came since, after {@code retry}: items are written in the
 * order they were offered, none twice. {@link #stop} writes what is left (a few tries) and ends
 * the thread. Plain Java: the write (an INSERT) is handed in.
 */
final class BatchWriter<T> {

    /** Tries of the last batches on {@link #stop} before they are given up. */
    static final int TRIES_ON_STOP = 3;
    /** The longest an idle writer waits before it looks whether it is stopping. */
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final BlockingQueue<T> queue;
    private final int maxBatch;
    private final long intervalNanos;
    private final long retryNanos;
    private final Predicate<List<T>> write;
    private final Thread thread;
    /** Items offered, and items written: everything offered up to {@code written} is stored. */
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean stopping;
    /** Released by {@link #stop}: a batch gathering its interval's items is written at once. */
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile long lost;

    BatchWriter(String name, int capacity, int maxBatch, Duration interval, Duration retry, Predicate<List<T>> write) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.intervalNanos = interval.toNanos();
        this.retryNanos = retry.toNanos();
        this.write = write;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code item}; false when the queue is full or the writer is stopping (the item is not kept). */
    boolean offer(T item) {
        if (stopping) {
            return false;
        }
        offered.incrementAndGet(); // before the queue: written never runs ahead of offered
        if (!queue.offer(item)) {
            offered.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Items offered and not yet written (queued, or in the batch being written). */
    long backlog() {
        return offered.get() - written.get();
    }

    /** Waits, at most {@code timeout}, until everything offered before this call is written; whether it was. */
    boolean awaitWritten(Duration timeout) throws InterruptedException {
        long target = offered.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (written.get() < target) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        return true;
    }

    /**
     * No more offers; the thread writes what is queued ({@link #TRIES_ON_STOP} tries of a failing
     * batch at most) and ends. Waits for it at most {@code timeout}; returns the items given up.
     */
    long stop(Duration timeout) throws InterruptedException {
        stopping = true;
        stopSignal.countDown();
        thread.join(timeout.toMillis());
        return thread.isAlive() ? offered.get() - written.get() : lost;
    }

    private void run() {
        List<T> batch = new ArrayList<>(maxBatch);
        int failedOnStop = 0;
        try {
            while (true) {
                if (batch.isEmpty()) {
                    T first = queue.poll(Math.min(intervalNanos, IDLE_POLL_NANOS), TimeUnit.NANOSECONDS);
                    if (first == null) {
                        if (stopping) {
                            return; // everything offered is written
                        }
                        continue;
                    }
                    batch.add(first);
                    stopSignal.await(intervalNanos, TimeUnit.NANOSECONDS); // the next interval's items join this one
                }
                queue.drainTo(batch, maxBatch - batch.size());
                if (write.test(batch)) {
                    written.addAndGet(batch.size());
                    batch.clear();
                } else if (stopping && ++failedOnStop >= TRIES_ON_STOP) {
                    lost = batch.size() + queue.size();
                    return;
                } else {
                    TimeUnit.NANOSECONDS.sleep(retryNanos); // kept, and written again with what comes meanwhile
                }
            }
        } catch (InterruptedException e) {
            lost = batch.size() + queue.size();
            Thread.currentThread().interrupt();
        }
    }
}
