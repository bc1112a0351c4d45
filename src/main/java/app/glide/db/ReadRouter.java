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
 * first notes the time, then asks the primary for {@code pg_current_wal_insert_lsn()}; every
 * transaction visible before that moment has its commit record at or below that position (the
 * insert position, not the write position: an asynchronous commit is visible before its record is
 * written). Then it asks the
 * replica how far it has replayed ({@code pg_last_wal_replay_lsn()}). The replica holds everything
 * committed before the newest noted moment whose position it has replayed: that moment is
 * {@code freshAsOf}, and a read on it is at most {@code now - freshAsOf} behind. This holds
 * however the lag arises (replay paused or slow, the stream broken, a network partition) and,
 * unlike {@code now() - pg_last_xact_replay_timestamp()}, it does not grow on an idle primary.
 * Between checks the bound keeps counting from {@code freshAsOf}: a check that stops coming (the
 * timer stalled, the primary unreachable) makes reads fall back once the bound has passed; nothing
 * cached can outlive it. A failed check keeps the last measurement, which expires the same way.
 * A "replica" that is not in recovery has lag 0 only when it is the primary itself (the default
 * configuration points the read data source at the primary); a promoted standby or another
 * cluster is unknown (reads use the primary).
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
    private volatile boolean failedOnReplica;

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
        if (nowNanos - s.freshAsOfNanos() <= maxLagNanos) {
            return Route.REPLICA;
        }
        // Expired: for lag, or because checks have been failing since the last measurement.
        return s.failure() == null ? Route.FALLBACK_LAG : Route.FALLBACK_UNKNOWN;
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
     * the replica is behind every sample kept, or is not a standby of the primary).
     *
     * <p>A failure to reach either database keeps the last measurement (it expires with the bound:
     * reads fall back once {@code now - freshAsOf} passes max-lag, as if no check had come) and is
     * thrown to the caller, which logs it; {@link #lastFailureOnReplica()} says which side failed.
     *
     * <p>A replica that is not in recovery counts as lag 0 only when it is the primary itself (same
     * system identifier and same postmaster start time: the same running server, e.g. the default
     * configuration pointing the read data source at the primary). A promoted standby or another
     * cluster's primary is "not a standby": unknown, reads use the primary. A standby of another
     * cluster (different system identifier) is unknown too: its positions mean nothing here.
     */
    public synchronized Optional<Duration> check() throws SQLException {
        if (replica == null) {
            return Optional.of(Duration.ZERO);
        }
        long before = nanos.getAsLong();
        Primary p;
        Replica r;
        failedOnReplica = false;
        try {
            p = primaryPosition();
        } catch (SQLException | RuntimeException e) {
            state = failed(e);
            throw e;
        }
        try {
            r = replicaPosition();
        } catch (SQLException | RuntimeException e) {
            failedOnReplica = true;
            state = failed(e);
            throw e;
        }
        long now = nanos.getAsLong();
        if (!r.inRecovery()) {
            samples.clear();
            if (r.identity().equals(p.identity())) {
                // The primary itself: the same data.
                state = new State(true, now, now, null);
                return Optional.of(Duration.ZERO);
            }
            state = new State(false, 0, now, NOT_A_STANDBY);
            return Optional.empty();
        }
        if (r.identity().systemId() != p.identity().systemId()) {
            samples.clear();
            state = new State(false, 0, now, OTHER_CLUSTER);
            return Optional.empty();
        }
        samples.addLast(new Sample(before, p.lsn()));
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

    /** Why a check finds the replica unusable although both answered. */
    public static final String NOT_A_STANDBY = "read replica is not a standby";
    public static final String OTHER_CLUSTER = "read replica is a standby of another cluster";

    /** The last measurement kept (it expires with the bound), the failure noted. */
    private State failed(Exception e) {
        State s = state;
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new State(s.known(), s.freshAsOfNanos(), s.checkedAtNanos(), why);
    }

    /** Whether the last failed check failed on the replica (not the primary). */
    public boolean lastFailureOnReplica() {
        return failedOnReplica;
    }

    /** Whether the last check found the replica unusable although it answered (not a standby, another cluster). */
    public boolean notUsable() {
        State s = state;
        return !s.known() && (NOT_A_STANDBY.equals(s.failure()) || OTHER_CLUSTER.equals(s.failure()));
    }

    /** Forgets what the last check established: reads go to the primary until the next check succeeds. */
    public void replicaFailed(String why) {
        state = new State(false, 0, nanos.getAsLong(), why);
    }

    private Primary primaryPosition() throws SQLException {
        try (Connection c = primary.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            // The insert position, not pg_current_wal_lsn() (the write position): a transaction
            // committed with synchronous_commit off is visible before its commit record is written.
            try (ResultSet rs = st.executeQuery("select pg_current_wal_insert_lsn() - '0/0'::pg_lsn,"
                    + " system_identifier, pg_postmaster_start_time() from pg_control_system()")) {
                rs.next();
                return new Primary(rs.getBigDecimal(1).longValueExact(),
                        new Identity(rs.getLong(2), rs.getObject(3, java.time.OffsetDateTime.class)));
            }
        }
    }

    /** A server's identity: same cluster (system identifier) and same running server (postmaster start). */
    private record Identity(long systemId, java.time.OffsetDateTime startedAt) {
    }

    private record Primary(long lsn, Identity identity) {
    }

    private record Replica(boolean inRecovery, Long replayLsn, Identity identity) {
    }

    private Replica replicaPosition() throws SQLException {
        try (Connection c = replica.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            try (ResultSet rs = st.executeQuery(
                    "select pg_is_in_recovery(), pg_last_wal_replay_lsn() - '0/0'::pg_lsn,"
                            + " system_identifier, pg_postmaster_start_time() from pg_control_system()")) {
                rs.next();
                boolean recovery = rs.getBoolean(1);
                java.math.BigDecimal lsn = rs.getBigDecimal(2);
                return new Replica(recovery, lsn == null ? null : lsn.longValueExact(),
                        new Identity(rs.getLong(3), rs.getObject(4, java.time.OffsetDateTime.class)));
            }
        }
    }
}
