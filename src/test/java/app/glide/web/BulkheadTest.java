package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    @Test
    void atMostPermitsPerKeyOtherKeysUnaffectedAndKeysForgotten() throws Exception {
        Bulkhead<String> b = new Bulkhead<>(2);
        assertTrue(b.enter("hot", 0));
        assertTrue(b.enter("hot", 0));
        long start = System.nanoTime();
        assertFalse(b.enter("hot", 100), "a third caller waits, then gives up");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90));
        assertTrue(b.enter("cold", 0), "another key is not affected");
        b.exit("cold");
        b.exit("hot");
        assertTrue(b.enter("hot", 0), "a freed permit is taken again");
        b.exit("hot");
        b.exit("hot");
        assertEquals(0, b.keys(), "idle keys are forgotten");
    }

    @Test
    void aWaiterGetsThePermitWhenOneIsFreed() throws Exception {
        Bulkhead<String> b = new Bulkhead<>(1);
        assertTrue(b.enter("p", 0));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch waiting = new CountDownLatch(1);
            Future<Boolean> waiter = pool.submit(() -> {
                waiting.countDown();
                return b.enter("p", 5_000);
            });
            waiting.await();
            Thread.sleep(50);
            b.exit("p");
            assertTrue(waiter.get(5, TimeUnit.SECONDS));
            b.exit("p");
            assertEquals(0, b.keys());
        } finally {
            pool.shutdownNow();
        }
    }
}
