package app.glide.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Group commit: every item written exactly once, before its caller returns; failures reach each caller of the group. */
class GroupCommitTest {

    @Test
    void aLoneCallerWritesItsOwnItemAtOnce() {
        List<List<Integer>> writes = new ArrayList<>();
        GroupCommit<Integer> commits = new GroupCommit<>(8, writes::add);
        commits.commit(1);
        commits.commit(2);
        assertEquals(List.of(List.of(1), List.of(2)), writes);
    }

    @Test
    void concurrentCallersShareWritesAndEachReturnsOnlyOnceItsItemIsWritten() throws Exception {
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> commits = new GroupCommit<>(5, group -> {
            sleep(2); // a round trip
            groupSizes.add(group.size());
            written.addAll(group);
        });
        int callers = 16;
        int perCaller = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perCaller; i++) {
                    int item = caller * perCaller + i;
                    commits.commit(item);
                    assertTrue(written.contains(item), "returned before item " + item + " was written");
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(callers * perCaller, written.size(), "each item written once");
        assertEquals(callers * perCaller, written.stream().distinct().count());
        assertTrue(groupSizes.stream().allMatch(n -> n >= 1 && n <= 5), "groups within the limit: " + groupSizes);
        assertTrue(groupSizes.size() < callers * perCaller, "some writes were shared: " + groupSizes.size());
    }

    @Test
    void aFailedWriteFailsEveryCallerOfItsGroupAndTheNextWriteStartsClean() {
        RuntimeException down = new IllegalStateException("database down");
        boolean[] fail = {true};
        List<Integer> written = new ArrayList<>();
        GroupCommit<Integer> commits = new GroupCommit<>(8, group -> {
            if (fail[0]) {
                throw down;
            }
            written.addAll(group);
        });
        assertSame(down, assertThrows(GroupCommit.WriteFailed.class, () -> commits.commit(1)).getCause());
        fail[0] = false;
        commits.commit(2);
        assertEquals(List.of(2), written);
    }

    @Test
    void anErrorInTheWriteIsAFailureForTheCallerNeverASuccess() {
        GroupCommit<Integer> commits = new GroupCommit<>(8, group -> {
            throw new StackOverflowError("deep");
        });
        GroupCommit.WriteFailed failed = assertThrows(GroupCommit.WriteFailed.class, () -> commits.commit(1));
        assertTrue(failed.getCause() instanceof StackOverflowError);
    }

    @Test
    void aWriterWaitsForTheAnnouncedItemsSoThatTheyShareItsWrite() throws Exception {
        List<List<Integer>> writes = whileTheFirstLingers((commits, second, written) -> {
            assertTrue(written.isEmpty(), "wrote before the announced item came: " + written);
            commits.commit(second, 2);
        });
        assertEquals(List.of(List.of(1, 2)), writes);
    }

    @Test
    void anAbandonedAnnouncementReleasesTheLingeringWriter() throws Exception {
        List<List<Integer>> writes = whileTheFirstLingers((commits, failedRead, written) -> {
            commits.abandon(failedRead);
            commits.abandon(failedRead); // closing twice counts once
        });
        assertEquals(List.of(List.of(1)), writes); // written well before the 10 s linger (see the helper)
    }

    @Test
    void aCommittedTicketIsNotAbandonedAgain() {
        List<List<Integer>> writes = new ArrayList<>();
        GroupCommit<Integer> commits = new GroupCommit<>(8, 300, TimeUnit.MILLISECONDS, writes::add);
        GroupCommit.Ticket first = commits.begin();
        commits.commit(first, 1);
        commits.abandon(first); // after its commit: a no-op (it would count a still-running read off twice)
        GroupCommit.Ticket running = commits.begin();
        long started = System.nanoTime();
        commits.commit(commits.begin(), 2); // lingers for "running" only, which never comes: the linger is capped
        commits.abandon(running);
        assertEquals(List.of(List.of(1), List.of(2)), writes);
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(250), "did not wait for the read still running");
    }

    interface Meanwhile {
        void run(GroupCommit<Integer> commits, GroupCommit.Ticket second, List<List<Integer>> written);
    }

    /**
     * Two reads announced; the first one's item (1) is committed on another thread, which
     * lingers for the second (10 s at most); {@code meanwhile} runs after 50 ms; the first must
     * then be written within 5 s. Returns the writes.
     */
    private static List<List<Integer>> whileTheFirstLingers(Meanwhile meanwhile) throws Exception {
        List<List<Integer>> writes = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> commits = new GroupCommit<>(8, 10, TimeUnit.SECONDS, writes::add);
        GroupCommit.Ticket first = commits.begin();
        GroupCommit.Ticket second = commits.begin();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> writer = pool.submit(() -> commits.commit(first, 1));
            sleep(50); // the first caller is lingering for the second's item
            meanwhile.run(commits, second, writes);
            writer.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        return writes;
    }

    @Test
    void theWriterLingersAtMostTheLingerTimeForItemsThatDoNotCome() {
        List<List<Integer>> writes = new ArrayList<>();
        GroupCommit<Integer> commits = new GroupCommit<>(8, 100, TimeUnit.MILLISECONDS, writes::add);
        GroupCommit.Ticket mine = commits.begin();
        commits.begin(); // a read that is still running (and never ends, here)
        long started = System.nanoTime();
        commits.commit(mine, 1);
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(List.of(List.of(1)), writes);
        assertTrue(waitedMs >= 90 && waitedMs < 5_000, "lingered " + waitedMs + " ms for a 100 ms linger");
    }

    @Test
    void aFullGroupIsWrittenWithoutLingering() {
        List<List<Integer>> writes = new ArrayList<>();
        GroupCommit<Integer> commits = new GroupCommit<>(1, 10, TimeUnit.SECONDS, writes::add);
        GroupCommit.Ticket mine = commits.begin();
        commits.begin(); // still running, but the group is full with one item
        long started = System.nanoTime();
        commits.commit(mine, 1);
        assertEquals(List.of(List.of(1)), writes);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "lingered with a full group");
    }

    /**
     * Many callers, groups smaller than the callers, announced reads that sometimes fail: each
     * caller is woken only when it must be (its item written, or its turn to write), so a
     * missed wake-up would hang a caller here; every committed item is written once, and its
     * caller returns only after the write that holds it.
     */
    @Test
    void underContentionEveryItemIsWrittenOnceBeforeItsCallerReturnsAndNobodyHangs() throws Exception {
        int threads = 16;
        int perThread = 300;
        Set<Integer> written = ConcurrentHashMap.newKeySet();
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger largest = new AtomicInteger();
        GroupCommit<Integer> commits = new GroupCommit<>(4, 1, TimeUnit.MILLISECONDS, group -> {
            largest.accumulateAndGet(group.size(), Math::max);
            writes.incrementAndGet();
            for (Integer item : group) {
                assertTrue(written.add(item), "written twice: " + item);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                callers.add(pool.submit(() -> {
                    Random random = new Random(base);
                    int committed = 0;
                    for (int i = 0; i < perThread; i++) {
                        GroupCommit.Ticket ticket = commits.begin();
                        if (random.nextInt(10) == 0) {
                            commits.abandon(ticket); // a read that failed
                            continue;
                        }
                        commits.commit(ticket, base + i);
                        assertTrue(written.contains(base + i), "returned before its item was written: " + (base + i));
                        committed++;
                    }
                    return committed;
                }));
            }
            int committed = 0;
            for (Future<Integer> caller : callers) {
                committed += caller.get(60, TimeUnit.SECONDS);
            }
            assertEquals(committed, written.size());
            assertTrue(largest.get() <= 4, "a group of " + largest.get() + " for a maximum of 4");
            assertTrue(writes.get() < committed, "no write was shared: " + writes.get() + " writes for " + committed + " items");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
