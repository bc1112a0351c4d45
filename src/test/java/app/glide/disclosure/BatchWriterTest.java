package app.glide.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The access log's write-behind: batches, order, retries, a full queue, and what a stop writes. */
class BatchWriterTest {

    private static final Duration INTERVAL = Duration.ofMillis(5);
    private static final Duration RETRY = Duration.ofMillis(20);

    private final List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

    private boolean store(List<Integer> batch) {
        batchSizes.add(batch.size());
        stored.addAll(batch);
        return true;
    }

    @Test
    void concurrentOffersAreWrittenOnceEachInBatches() throws Exception {
        BatchWriter<Integer> writer = new BatchWriter<>("test-writer", 10_000, 64, INTERVAL, RETRY, this::store);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            int base = t * 1000;
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < 1000; i++) {
                    assertTrue(writer.offer(base + i));
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(writer.awaitWritten(Duration.ofSeconds(10)));
        assertEquals(8000, stored.size());
        assertEquals(IntStream.range(0, 8000).boxed().toList(), stored.stream().sorted().toList(), "each once");
        assertTrue(batchSizes.stream().allMatch(n -> n >= 1 && n <= 64), "at most maxBatch per write: " + batchSizes);
        assertTrue(batchSizes.size() < 8000, "batched: " + batchSizes.size() + " writes for 8000 items");
        assertEquals(0, writer.stop(Duration.ofSeconds(5)));
    }

    @Test
    void aRefusedBatchIsWrittenLaterInOrderAndNothingIsLost() throws Exception {
        AtomicBoolean databaseUp = new AtomicBoolean(false);
        AtomicInteger refused = new AtomicInteger();
        BatchWriter<Integer> writer = new BatchWriter<>("test-writer", 1000, 16, INTERVAL, RETRY, batch -> {
            if (!databaseUp.get()) {
                refused.incrementAndGet();
                return false;
            }
            return store(batch);
        });
        for (int i = 0; i < 100; i++) {
            assertTrue(writer.offer(i));
        }
        assertFalse(writer.awaitWritten(Duration.ofMillis(100)), "nothing written while the database refuses");
        assertTrue(refused.get() >= 2, "tried again: " + refused.get());
        databaseUp.set(true);
        assertTrue(writer.awaitWritten(Duration.ofSeconds(10)));
        assertEquals(IntStream.range(0, 100).boxed().toList(), stored, "in the order offered, none twice");
        assertEquals(0, writer.stop(Duration.ofSeconds(5)));
    }

    @Test
    void aFullQueueRefusesTheOffer() throws Exception {
        BatchWriter<Integer> writer = new BatchWriter<>("test-writer", 10, 4, INTERVAL, RETRY, batch -> false);
        int accepted = 0;
        for (int round = 0; round < 2; round++) { // the writer takes one batch (4) from the queue, then keeps it
            while (writer.offer(accepted)) {
                accepted++;
            }
            Thread.sleep(100);
        }
        assertEquals(14, accepted, "the queue's 10 and the writer's one batch of 4");
        assertFalse(writer.offer(1000), "still full while the database refuses");
        assertEquals(accepted, writer.stop(Duration.ofSeconds(5)), "given up after its tries on stop, and counted");
    }

    @Test
    void stopWritesWhatIsQueuedAndRefusesLaterOffers() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchWriter<Integer> writer = new BatchWriter<>("test-writer", 1000, 500, INTERVAL, RETRY, batch -> {
            writing.countDown();
            try {
                release.await(); // the first write is slow: the rest waits in the queue
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return store(batch);
        });
        assertTrue(writer.offer(-1));
        assertTrue(writing.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 300; i++) {
            assertTrue(writer.offer(i));
        }
        release.countDown();
        assertEquals(0, writer.stop(Duration.ofSeconds(5)), "nothing lost on a normal stop");
        assertEquals(301, stored.size());
        assertFalse(writer.offer(1), "no offer after stop");
    }
}
