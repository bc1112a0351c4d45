package app.glide.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Decides where a read that tolerates a bounded lag goes: the read replica while it is known to
 * hold every transaction the primary committed more than {@code maxLag} ago, the primary otherwise
 * (lag too large, replica unreachable, not checked recently enough, no replica configured). Plain
 * Java over two {@link DataSource}s, so the decision is tested against real streaming replication
 * (ReadRouterReplicationTest) as well as in isolation (ReadRouterTest).
 *
 * <p>How the lag is known: {@link #check()} (every second, from a timer, never on a request's path)
 * first notes the time, then asks the primary for {@code pg_current_wal_lsn()}; every transaction
 * committed before that moment has its commit record at or below that position. Then it asks the
 * replica how far it has replayed ({@code pg_last_wal_replay_lsn()}). The replica holds everything
 * committed before the newest noted moment whose position it has replayed: that moment is
 * {@code freshAsOf}, and a read on it is at most {@code now - freshAsOf} behind. This holds
 * however the lag arises (replay paused or slow, the stream broken, a network partition) and,
 * unlike {@code now() - pg_last_xact_replay_timestamp()}, it does not grow on an idle primary.
 * Between checks the bound keeps counting from {@code freshAsOf}: a check that stops coming (the
 * timer stalled, the primary unreachable) makes reads fall back once the bound has passed; nothing
 * cached can outlive it. A "replica" that is not in recovery is a primary: lag 0 (the default
 * configuration points the read data source at the primary itself).
 */
public final class ReadRouter {

    /** Where a read went and why. */
    public enum Route {
        REPLICA("replica"),
        /** No replica configured: every read is the primary's (not a fallback). */
        PRIMARY_ONLY("disabled"),
        /** The replica is further behind than the bound, or has not been checked for longer than it. */
        FALLBACK_LAG("lag"),
        /** The last check could not reach the replica (or the primary), or none has succeeded yet. */
        FALLBACK_UNKNOWN("unknown");

        private final String slug;

        Route(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }

        public boolean replica() {
            return this == REPLICA;
        }
    }

    /** A position the primary had reached at a moment (nanoTime). */
    record Sample(long atNanos, long lsn) {
    }

    /** What the last check found: the replica holds everything committed before freshAsOfNanos; or nothing known. */
    record State(boolean known, long freshAsOfNanos, long checkedAtNanos, String failure) {
        static final State UNKNOWN = new State(false, 0, 0, "not checked yet");
    }

    private final DataSource primary;
    private final DataSource replica;
    private final long maxLagNanos;
    private final LongSupplier nanos;
    /** Samples of the primary's position, oldest first; none older than twice the bound is kept. */
    private final Deque<Sample> samples = new ArrayDeque<>();
    private volatile State state = State.UNKNOWN;

    /**
     * @param primary the primary (writes and everything that must see them)
     * @param replica the read replica, or null when none is configured (every read goes to the primary)
     * @param maxLag  how far behind the primary a routed read may be
     * @param nanos   a monotonic clock (System::nanoTime; tests pass their own)
     */
    public ReadRouter(DataSource primary, DataSource replica, Duration maxLag, LongSupplier nanos) {
        if (maxLag.isNegative() || maxLag.isZero()) {
            throw new IllegalArgumentException("the read replica's max lag must be positive: " + maxLag);
        }
        this.primary = primary;
        this.replica = replica;
        this.maxLagNanos = maxLag.toNanos();
        this.nanos = nanos;
    }

    public boolean enabled() {
        return replica != null;
    }

    public DataSource primary() {
        return primary;
    }

    /** The replica; only to be used for a read after {@link #route()} said REPLICA. */
    public DataSource replica() {
        if (replica == null) {
            throw new IllegalStateException("no read replica configured");
        }
        return replica;
    }

    /** Where a lag-tolerant read goes now: a volatile read and a subtraction, no I/O. */
    public Route route() {
        if (replica == null) {
            return Route.PRIMARY_ONLY;
        }
        return decide(state, nanos.getAsLong(), maxLagNanos);
    }

    /** The decision alone (ReadRouterTest). */
    static Route decide(State s, long nowNanos, long maxLagNanos) {
        if (!s.known()) {
            return Route.FALLBACK_UNKNOWN;
        }
        return nowNanos - s.freshAsOfNanos() <= maxLagNanos ? Route.REPLICA : Route.FALLBACK_LAG;
    }

    /** How far behind the replica may be now, as last established; empty when unknown. */
    public Optional<Duration> lag() {
        State s = state;
        return s.known() ? Optional.of(Duration.ofNanos(Math.max(0, nanos.getAsLong() - s.freshAsOfNanos())))
                : Optional.empty();
    }

    /** Why the last check failed, when it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(state.failure());
    }

    /**
     * Measures: the primary's position now, then the replica's replayed position. Not concurrent
     * with itself (synchronized; it runs from one timer). Returns the lag established (empty when
     * the replica is behind every sample kept). A failure to reach either database leaves the
     * state UNKNOWN (reads go to the primary) and is thrown to the caller, which logs it.
     */
    public synchronized Optional<Duration> check() throws SQLException {
        if (replica == null) {
            return Optional.of(Duration.ZERO);
        }
        long before = nanos.getAsLong();
        long primaryLsn;
        Replica r;
        try {
            primaryLsn = primaryLsn();
            r = replicaPosition();
        } catch (SQLException | RuntimeException e) {
            state = new State(false, 0, before, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
        long now = nanos.getAsLong();
        if (!r.inRecovery()) {
            // Not a standby: the same data as the primary (or a promoted one, which is now a primary).
            samples.clear();
            state = new State(true, now, now, null);
            return Optional.of(Duration.ZERO);
        }
        samples.addLast(new Sample(before, primaryLsn));
        while (samples.size() > 1 && now - samples.peekFirst().atNanos() > 2 * maxLagNanos) {
            samples.removeFirst();
        }
        Sample fresh = null;
        for (Sample s : samples) {
            if (r.replayLsn() != null && Long.compareUnsigned(s.lsn(), r.replayLsn()) <= 0) {
                fresh = s; // newest matching wins: samples are oldest first
            }
        }
        if (fresh == null) {
            // Behind everything kept: more than twice the bound (or replay never started).
            state = new State(true, now - 2 * maxLagNanos - 1, now, null);
            return Optional.empty();
        }
        state = new State(true, fresh.atNanos(), now, null);
        return Optional.of(Duration.ofNanos(now - fresh.atNanos()));
    }

    /** Forgets what the last check established: reads go to the primary until the next check succeeds. */
    public void replicaFailed(String why) {
        state = new State(false, 0, nanos.getAsLong(), why);
    }

    private long primaryLsn() throws SQLException {
        try (Connection c = primary.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            try (ResultSet rs = st.executeQuery("select pg_current_wal_lsn() - '0/0'::pg_lsn")) {
                rs.next();
                return rs.getBigDecimal(1).longValueExact();
            }
        }
    }

    private record Replica(boolean inRecovery, Long replayLsn) {
    }

    private Replica replicaPosition() throws SQLException {
        try (Connection c = replica.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            try (ResultSet rs = st.executeQuery(
                    "select pg_is_in_recovery(), pg_last_wal_replay_lsn() - '0/0'::pg_lsn")) {
                rs.next();
                boolean recovery = rs.getBoolean(1);
                java.math.BigDecimal lsn = rs.getBigDecimal(2);
                return new Replica(recovery, lsn == null ? null : lsn.longValueExact());
            }
        }
    }
}
