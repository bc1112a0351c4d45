package app.glide.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The routing decision alone: plain Java, a clock of its own. */
class ReadRouterTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long BOUND = 5 * SECOND;

    @Test
    void withinTheBoundTheReplica() {
        ReadRouter.State s = new ReadRouter.State(true, 100 * SECOND, 100 * SECOND, null);
        assertEquals(ReadRouter.Route.REPLICA, ReadRouter.decide(s, 100 * SECOND, BOUND));
        assertEquals(ReadRouter.Route.REPLICA, ReadRouter.decide(s, 105 * SECOND, BOUND), "exactly the bound");
    }

    @Test
    void pastTheBoundThePrimary() {
        ReadRouter.State s = new ReadRouter.State(true, 100 * SECOND, 103 * SECOND, null);
        assertEquals(ReadRouter.Route.FALLBACK_LAG, ReadRouter.decide(s, 105 * SECOND + 1, BOUND));
    }

    @Test
    void aMeasurementNotRenewedExpiresWithTheBound() {
        // Measured at 100 s as fully caught up; no check since (timer stalled, primary unreachable):
        // the replica is used until 105 s, then no longer, without any new information.
        ReadRouter.State s = new ReadRouter.State(true, 100 * SECOND, 100 * SECOND, null);
        assertEquals(ReadRouter.Route.REPLICA, ReadRouter.decide(s, 104 * SECOND, BOUND));
        assertEquals(ReadRouter.Route.FALLBACK_LAG, ReadRouter.decide(s, 106 * SECOND, BOUND));
    }

    @Test
    void unknownThePrimary() {
        assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, ReadRouter.decide(ReadRouter.State.UNKNOWN, 0, BOUND));
        assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN,
                ReadRouter.decide(new ReadRouter.State(false, 0, 10 * SECOND, "refused"), 10 * SECOND, BOUND));
    }

    @Test
    void aMeasurementKeptAfterFailedChecksExpiresWithTheBoundAsUnknown() {
        ReadRouter.State s = new ReadRouter.State(true, 100 * SECOND, 100 * SECOND, "refused");
        assertEquals(ReadRouter.Route.REPLICA, ReadRouter.decide(s, 104 * SECOND, BOUND), "still within the bound");
        assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, ReadRouter.decide(s, 106 * SECOND, BOUND));
    }

    @Test
    void noReplicaConfiguredEveryReadIsThePrimarys() throws Exception {
        PGSimpleDataSource primary = new PGSimpleDataSource();
        ReadRouter router = new ReadRouter(primary, null, Duration.ofSeconds(5), System::nanoTime);
        assertFalse(router.enabled());
        assertEquals(ReadRouter.Route.PRIMARY_ONLY, router.route());
        assertThrows(IllegalStateException.class, router::replica);
        assertEquals(Duration.ZERO, router.check().orElseThrow(), "nothing to measure");
    }

    @Test
    void anUnreachableReplicaIsUnknownUntilACheckSucceeds() {
        AtomicLong now = new AtomicLong(50 * SECOND);
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"127.0.0.1"});
        nowhere.setPortNumbers(new int[] {1}); // nothing listens: connection refused
        nowhere.setConnectTimeout(1);
        ReadRouter router = new ReadRouter(nowhere, nowhere, Duration.ofSeconds(5), now::get);
        assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, router.route(), "before the first check");
        SQLException e = assertThrows(SQLException.class, router::check);
        assertTrue(ReadRouting.replicaFailure(e), "connection refused is the replica's failure: " + e.getSQLState());
        assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, router.route());
        assertTrue(router.lag().isEmpty());
        assertTrue(router.failure().isPresent());
    }

    @Test
    void aFailedReadForgetsTheLag() {
        AtomicLong now = new AtomicLong(50 * SECOND);
        ReadRouter router = new ReadRouter(new PGSimpleDataSource(), new PGSimpleDataSource(), Duration.ofSeconds(5), now::get);
        router.replicaFailed("08006 connection lost");
        assertEquals(ReadRouter.Route.FALLBACK_UNKNOWN, router.route());
    }

    @Test
    void whatSendsAReadToThePrimary() {
        assertTrue(ReadRouting.replicaFailure(new SQLException("refused", "08001")));
        assertTrue(ReadRouting.replicaFailure(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(ReadRouting.replicaFailure(new SQLException("the database system is starting up", "57P03")));
        assertTrue(ReadRouting.replicaFailure(new SQLException(
                "canceling statement due to conflict with recovery", "40001")));
        assertTrue(ReadRouting.replicaFailure(new SQLException(
                "canceling statement due to conflict with recovery", "40P01")));
        assertTrue(ReadRouting.replicaFailure(new SQLException("An I/O error occurred while sending to the backend.", "08006")),
                "a socket timeout is a broken connection");
        assertTrue(ReadRouting.replicaFailure(new SQLException("wrapped", "XX000", new SQLException("refused", "08001"))),
                "a cause counts");
        assertFalse(ReadRouting.replicaFailure(new SQLTransientConnectionException("Sorry, acquisition timeout!")),
                "the read pool's acquisition timeout is a busy pool, not a failed replica");
        assertTrue(ReadRouting.poolExhausted(new SQLTransientConnectionException("Sorry, acquisition timeout!")));
        assertTrue(ReadRouting.poolExhausted(new SQLException("Sorry, acquisition timeout!")), "what Agroal throws");
        assertFalse(ReadRouting.replicaFailure(new SQLException("Sorry, acquisition timeout!")));
        assertFalse(ReadRouting.poolExhausted(new SQLException("refused", "08001")));
        assertFalse(ReadRouting.replicaFailure(new SQLException("This connection has been closed (no SQLSTATE)")),
                "no message guessing without a SQLSTATE");
        assertFalse(ReadRouting.replicaFailure(new SQLException("deadlock detected", "40P01")),
                "an ordinary deadlock is the primary's kind too");
        assertFalse(ReadRouting.replicaFailure(new SQLException("could not serialize access", "40001")),
                "a serialization failure of the primary's kind is not the replica's");
        assertFalse(ReadRouting.replicaFailure(new SQLException("canceling statement due to statement timeout", "57014")),
                "a statement timeout would time out on the primary too");
        assertFalse(ReadRouting.replicaFailure(new SQLException("syntax error", "42601")));
        assertFalse(ReadRouting.replicaFailure(new SQLException("cannot execute INSERT in a read-only transaction", "25006")),
                "a write sent to the read pool is a bug, never retried elsewhere");
    }

    @Test
    void aBoundMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReadRouter(new PGSimpleDataSource(), null, Duration.ZERO, System::nanoTime));
    }
}
