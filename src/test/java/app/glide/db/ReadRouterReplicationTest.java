package app.glide.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.testing.StreamingPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The staleness bound against real streaming replication: a primary and its standby on free ports
 * (testing/StreamingPair, made and removed here). A read the router sends to the standby
 * never misses a row committed more than the bound ago; with replay paused the router falls back
 * to the primary once the bound has passed (and the read sees the fresh row), and goes back to
 * the standby when replay resumes; a stopped standby sends every read to the primary once the last
 * measurement expires; a promoted standby (no longer a standby) is never trusted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadRouterReplicationTest {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final long CHECK_EVERY_MILLIS = 200;

    private static StreamingPair pair;
    private static DataSource primary;
    private static DataSource standby;
    private static ReadRouter router;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(StreamingPair.available(), "PostgreSQL binaries not found in " + StreamingPair.PG_BIN);
        pair = new StreamingPair();
        primary = pair.primary();
        standby = pair.standby();
        StreamingPair.execute(primary, "create table routed (id int primary key, v text)");
        router = new ReadRouter(primary, standby, BOUND, System::nanoTime);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    @Order(1)
    void aWriteReachesTheStandbyWithinTheBoundAndRoutedReadsNeverMissOlderRows() throws Exception {
        awaitRoute(ReadRouter.Route.REPLICA, Duration.ofSeconds(10));
        StreamingPair.execute(primary, "insert into routed values (1, 'one')");
        long committed = System.nanoTime();
        Long seenOnStandby = null;
        while (System.nanoTime() - committed < 2 * BOUND.toNanos()) {
            router.check();
            ReadRouter.Route route = router.route();
            boolean found = has(route.replica() ? standby : primary, 1);
            if (System.nanoTime() - committed > BOUND.toNanos()) {
                assertTrue(found, "a routed read (" + route + ") more than the bound after the commit must see it");
            }
            if (seenOnStandby == null && has(standby, 1)) {
                seenOnStandby = System.nanoTime() - committed;
            }
            Thread.sleep(CHECK_EVERY_MILLIS);
        }
        assertTrue(seenOnStandby != null && seenOnStandby <= BOUND.toNanos(),
                "the standby shows the row within the bound: " + seenOnStandby);
        assertEquals(ReadRouter.Route.REPLICA, router.route(), "a streaming, replaying standby is used");
    }

    @Test
    @Order(2)
    void anIdlePrimaryDoesNotMakeTheStandbyLookStale() throws Exception {
        awaitRoute(ReadRouter.Route.REPLICA, Duration.ofSeconds(10));
        long quietFrom = System.nanoTime();
        // No writes for longer than the bound: the replay timestamp ages, the LSN positions do not.
        while (System.nanoTime() - quietFrom < BOUND.toNanos() + Duration.ofMillis(1500).toNanos()) {
            router.check();
            Thread.sleep(CHECK_EVERY_MILLIS);
        }
        router.check();
        assertEquals(ReadRouter.Route.REPLICA, router.route());
        assertTrue(router.lag().orElseThrow().compareTo(BOUND) <= 0, "lag " + router.lag());
    }

    @Test
    @Order(3)
    void pausedReplayFallsBackToThePrimaryOnceTheBoundHasPassedAndBackWhenResumed() throws Exception {
        awaitRoute(ReadRouter.Route.REPLICA, Duration.ofSeconds(10));
        StreamingPair.execute(standby, "select pg_wal_replay_pause()");
        try {
            StreamingPair.execute(primary, "insert into routed values (2, 'two')");
            long committed = System.nanoTime();
            boolean fellBack = false;
            while (System.nanoTime() - committed < BOUND.toNanos() + Duration.ofMillis(1500).toNanos()) {
                router.check();
                ReadRouter.Route route = router.route();
                boolean found = has(route.replica() ? standby : primary, 2);
                if (System.nanoTime() - committed > BOUND.toNanos()) {
                    assertTrue(found, "past the bound a routed read (" + route + ") sees the row written while replay paused");
                }
                fellBack |= route == ReadRouter.Route.FALLBACK_LAG;
                Thread.sleep(CHECK_EVERY_MILLIS);
            }
            assertTrue(fellBack, "the router fell back for lag");
            assertEquals(ReadRouter.Route.FALLBACK_LAG, router.route());
            assertTrue(router.lag().orElseThrow().compareTo(BOUND) > 0, "measured lag exceeds the bound: " + router.lag());
            assertFalse(has(standby, 2), "the standby really is behind (replay paused)");
            assertTrue(has(primary, 2));
        } finally {
            StreamingPair.execute(standby, "select pg_wal_replay_resume()");
        }
        awaitRoute(ReadRouter.Route.REPLICA, Duration.ofSeconds(10));
        assertTrue(has(standby, 2), "back on the standby, which has caught up");
    }

    @Test
    @Order(4)
    void aStandbyThatIsDownSendsReadsToThePrimary() throws Exception {
        awaitRoute(ReadRouter.Route.REPLICA, Duration.ofSeconds(10));
        pair.stopStandby();
        try {
            long stopped = System.nanoTime();
            assertThrows(SQLException.class, router::check);
            assertTrue(router.lastFailureOnReplica(), "the replica failed, not the primary");
            assertTrue(router.failure().isPresent());
            // The last measurement is kept until the bound expires it; then the primary.
            while (System.nanoTime() - stopped <= BOUND.toNanos() + Duration.ofMillis(200).toNanos()) {
                assertThrows(SQLException.class, router::check);
                Thread.sleep(CHECK_EVERY_MILLIS);
            }
            assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, router.route());
        } finally {
            pair.startStandby();
        }
        awaitRoute(ReadRouter.Route.REPLICA, Duration.ofSeconds(15));
    }

    @Test
    @Order(5)
    void aPrimaryGivenAsTheReplicaHasNoLag() throws Exception {
        ReadRouter same = new ReadRouter(primary, primary, BOUND, System::nanoTime);
        assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, same.route(), "unknown before the first check");
        assertEquals(Optional.of(Duration.ZERO), same.check());
        assertEquals(ReadRouter.Route.REPLICA, same.route());
    }

    @Test
    @Order(6)
    void aPromotedStandbyIsNotTrusted() throws Exception {
        awaitRoute(ReadRouter.Route.REPLICA, Duration.ofSeconds(10));
        StreamingPair.execute(standby, "select pg_promote()");
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (router.route() == ReadRouter.Route.REPLICA) {
            router.check();
            if (System.nanoTime() > until) {
                throw new AssertionError("a promoted standby still used; lag " + router.lag());
            }
            Thread.sleep(CHECK_EVERY_MILLIS);
        }
        assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, router.route());
        assertEquals(Optional.of(ReadRouter.NOT_A_STANDBY), router.failure());
        assertTrue(router.notUsable());
        // And it stays so: the promoted server is a primary of its own, never lag 0.
        StreamingPair.execute(standby, "create table diverged (id int)");
        for (int i = 0; i < 3; i++) {
            assertTrue(router.check().isEmpty());
            assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, router.route());
        }
    }

    private static void awaitRoute(ReadRouter.Route expected, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                router.check();
            } catch (SQLException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
            }
            if (router.route() == expected) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("route " + router.route() + " instead of " + expected + " after " + within
                        + "; lag " + router.lag() + ", failure " + router.failure());
            }
            Thread.sleep(CHECK_EVERY_MILLIS);
        }
    }

    private static boolean has(DataSource ds, int id) throws SQLException {
        try (Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from routed where id = " + id)) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
