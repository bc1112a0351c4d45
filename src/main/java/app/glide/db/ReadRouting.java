package app.glide.db;

import app.glide.config.GlideConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Read routing (docs/operations.md "Read routing"): reads that tolerate a bounded lag run on the
 * read replica (the {@code read} data source) while {@link ReadRouter} knows it to be at most
 * {@code glide.read-replica.max-lag} behind, on the primary otherwise. A read opts in with
 * {@link #lagTolerant}: only {@link Sql#list}/{@link Sql#first} statements inside it, outside any
 * transaction, are routed; writes ({@link Sql#update}), Hibernate and anything in a transaction
 * stay on the primary. A routed read the replica fails with a connection error (or a recovery
 * conflict) runs again on the primary at once: a replica outage never answers 503 while the
 * primary is up. Without {@code glide.read-replica.enabled} every read is the primary's.
 *
 * <p>Counted: {@code glide_read_routed_total{route}} (replica, disabled, lag, unknown,
 * transaction, replica-failed, pool-exhausted, expired), so {@code route != replica and != disabled} are the fallbacks;
 * {@code glide_read_replica_lag_seconds} (NaN when unknown).
 */
@ApplicationScoped
public class ReadRouting {

    private static final Logger LOG = Logger.getLogger(ReadRouting.class);

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource("read")
    Instance<AgroalDataSource> read;

    @Inject
    GlideConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private ReadRouter router;
    private final ThreadLocal<Integer> tolerant = new ThreadLocal<>();
    private final ThreadLocal<Connection> pinned = new ThreadLocal<>();
    private final Map<ReadRouter.Route, Counter> routed = new EnumMap<>(ReadRouter.Route.class);
    private Counter inTransaction;
    private Counter replicaFailed;
    private Counter poolExhausted;
    private Counter expired;
    /** The last check failed: logged once when it starts failing and once when it recovers. */
    private volatile boolean failing;

    @PostConstruct
    void init() {
        GlideConfig.ReadReplica c = config.readReplica();
        router = new ReadRouter(primary, c.enabled() ? read.get() : null, c.maxLag(), System::nanoTime);
        if (c.enabled() && c.jdbcUrl().isEmpty()) {
            LOG.warn("glide.read-replica.enabled=true without glide.read-replica.jdbc-url (GLIDE_READ_REPLICA_JDBC_URL):"
                    + " the read pool points at the primary itself; lag-tolerant reads gain nothing");
        }
        for (ReadRouter.Route r : ReadRouter.Route.values()) {
            routed.put(r, counter(r.slug()));
        }
        inTransaction = counter("transaction");
        replicaFailed = counter("replica-failed");
        poolExhausted = counter("pool-exhausted");
        expired = counter("expired");
        Gauge.builder("glide.read.replica.lag", this, s -> s.router.lag().map(d -> d.toNanos() / 1e9).orElse(Double.NaN))
                .baseUnit("seconds")
                .description("How far behind the primary the read replica may be (NaN: unknown, reads use the primary)")
                .register(meters);
    }

    private Counter counter(String route) {
        return Counter.builder("glide.read.routed").tag("route", route)
                .description("Lag-tolerant reads by where they ran: replica, or the primary and why")
                .register(meters);
    }

    /** Whether a read replica is configured. */
    public boolean enabled() {
        return router.enabled();
    }

    /** The router (health check, tests). */
    public ReadRouter router() {
        return router;
    }

    /** Measures the replica's lag; every second, on every instance of the service. */
    @Scheduled(every = "${glide.read-replica.check-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCheck() {
        if (router.enabled()) {
            checkNow();
        }
    }

    /** One check: logs a failure once (WARN) until a check succeeds again (INFO). */
    public void checkNow() {
        try {
            router.check();
            if (router.notUsable()) {
                if (!failing) {
                    failing = true;
                    LOG.warnf("Read replica unusable (%s): lag-tolerant reads use the primary",
                            router.failure().orElse("?"));
                }
                return;
            }
            if (failing) {
                failing = false;
                LOG.info("Read replica reachable again: lag-tolerant reads may use it");
            }
        } catch (SQLException | RuntimeException e) {
            // The last measurement stays until the bound expires it; only a replica that failed
            // has dead connections to drop (the primary's failure says nothing about them).
            if (router.lastFailureOnReplica()) {
                flushReadPool();
            }
            if (!failing) {
                failing = true;
                LOG.warnf("Read replica check failed on the %s (%s): the last measurement expires with the bound,"
                        + " then lag-tolerant reads use the primary until a check succeeds",
                        router.lastFailureOnReplica() ? "replica" : "primary", e.getMessage());
            }
        }
    }

    /**
     * Runs {@code read} with its {@link Sql} reads allowed on the replica. The caller declares that
     * it neither wrote nor needs to see what it (or anyone) wrote in the last max-lag.
     */
    public <T> T lagTolerant(Supplier<T> read) {
        Integer outer = tolerant.get();
        tolerant.set(outer == null ? 1 : outer + 1);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                tolerant.remove();
            } else {
                tolerant.set(outer);
            }
        }
    }

    /** The connection every Sql statement of this thread runs on (a replica snapshot), or null. */
    Connection pinned() {
        return pinned.get();
    }

    /**
     * Where a {@link Sql} read goes now: the replica's data source, or null for the usual path (the
     * primary, joining the caller's transaction if there is one). Counted.
     */
    javax.sql.DataSource readTarget() {
        if (tolerant.get() == null) {
            return null;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            if (router.enabled()) {
                inTransaction.increment();
            }
            return null;
        }
        ReadRouter.Route route = router.route();
        if (!route.replica()) {
            routed.get(route).increment(); // a replica read is counted once it has its connection (stillWithinBound)
        }
        return route.replica() ? router.replica() : null;
    }

    /**
     * A routed read failed on the replica in a way the primary would not: forget the lag, count it,
     * and drop the read pool's idle connections (after a replica restart they are all dead; the
     * next check opens a new one).
     */
    void replicaFailed(SQLException e) {
        replicaFailed.increment();
        router.replicaFailed(e.getMessage());
        flushReadPool();
        if (!failing) {
            failing = true;
            LOG.warnf("Read replica failed a read (%s, SQLSTATE %s): reads use the primary until a check succeeds",
                    e.getMessage(), e.getSQLState());
        }
    }

    private void flushReadPool() {
        if (router.enabled()) {
            read.get().flush(AgroalDataSource.FlushMode.GRACEFUL);
        }
    }

    /**
     * Whether a failure of a read on the replica should send the read to the primary and forget the
     * lag: the replica unreachable or the connection broken (SQLSTATE class 08), the server shutting
     * down or starting (57P01-57P04), or the statement cancelled by a conflict with recovery (40001 or
     * 40P01 with that message). Not a timeout or an error in the statement (the primary would answer
     * the same way), and not the read pool's acquisition timeout ({@link #poolExhausted}): a busy pool
     * is not a failed replica.
     */
    static boolean replicaFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")
                        || (state.equals("40001") || state.equals("40P01"))
                                && String.valueOf(s.getMessage()).contains("conflict with recovery")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The read pool handed out no connection within its acquisition timeout: Agroal throws a plain
     * SQLException "Sorry, acquisition timeout!" without a SQLSTATE (ReadRoutingApiTest exhausts it).
     */
    static boolean poolExhausted(SQLException e) {
        return e.getSQLState() == null && String.valueOf(e.getMessage()).contains("acquisition timeout");
    }

    /**
     * The read pool was exhausted: this one read goes to the primary; the lag stays known and the
     * pool is not flushed (its connections are busy, not dead).
     */
    void poolExhausted() {
        poolExhausted.increment();
    }

    /**
     * Re-checked after a replica connection was acquired (which may have waited up to the
     * acquisition timeout): whether the bound still holds. Counted: replica when it does, expired
     * when it does not (each routed read is counted once: replica, or the reason it went to the primary).
     */
    boolean stillWithinBound() {
        if (router.route().replica()) {
            routed.get(ReadRouter.Route.REPLICA).increment();
            return true;
        }
        expired.increment();
        return false;
    }

    /**
     * Runs {@code build} in one REPEATABLE READ, READ ONLY transaction on the replica, every
     * {@link Sql} statement of this thread on it (a consistent copy of one moment, at most max-lag
     * old), when the replica is usable now, holds every transaction committed more than
     * {@code since} ago (an export: everything before it was requested), and no transaction is active. Empty when it is not (or
     * the replica failed before or during the build): the caller then builds on the primary.
     *
     * <p>{@code build} is given how far behind the primary the snapshot may be (the router's lag
     * just before the snapshot is taken): it holds everything committed before {@code t - lag} for
     * any moment {@code t} noted before this call, so a caller that states what its copy contains
     * subtracts it from such a moment (ExportJob's asOf).
     */
    public <T> Optional<T> onReplicaSnapshot(java.time.Duration since, java.util.function.Function<java.time.Duration, T> build) {
        if (!router.enabled() || pinned.get() != null
                || transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return Optional.empty();
        }
        ReadRouter.Route route = router.route();
        if (route.replica() && router.lag().map(lag -> lag.compareTo(since) > 0).orElse(true)) {
            // Within the bound, but it may lack what was committed before the caller's moment.
            route = ReadRouter.Route.FALLBACK_LAG;
        }
        if (!route.replica()) {
            routed.get(route).increment();
            return Optional.empty();
        }
        Connection c;
        try {
            c = router.replica().getConnection();
        } catch (SQLException e) {
            if (poolExhausted(e)) {
                poolExhausted();
            } else if (replicaFailure(e)) {
                replicaFailed(e);
            } else {
                throw new Sql.SqlFailure("replica snapshot", e);
            }
            return Optional.empty();
        }
        // The bound was checked before the connection was acquired: again now.
        Optional<java.time.Duration> behind = router.lag();
        if (!router.route().replica() || behind.map(lag -> lag.compareTo(since) > 0).orElse(true)) {
            expired.increment();
            try {
                c.close();
            } catch (SQLException e) {
                replicaFailed(e);
            }
            return Optional.empty();
        }
        routed.get(ReadRouter.Route.REPLICA).increment();
        try (c) {
            int socketTimeout = c.getNetworkTimeout();
            try {
                c.setNetworkTimeout(Runnable::run, Math.toIntExact(config.readReplica().exportSocketTimeout().toMillis()));
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("set transaction isolation level repeatable read, read only");
                }
                pinned.set(c);
                T out = build.apply(behind.orElseThrow());
                c.commit();
                return Optional.of(out);
            } catch (SQLException e) {
                if (!replicaFailure(e)) {
                    throw new Sql.SqlFailure("replica snapshot", e);
                }
                replicaFailed(e);
                return Optional.empty();
            } catch (Sql.SqlFailure e) {
                if (!(e.getCause() instanceof SQLException s) || !replicaFailure(s)) {
                    throw e;
                }
                replicaFailed(s);
                return Optional.empty();
            } finally {
                pinned.remove();
                if (!c.getAutoCommit()) {
                    c.rollback(); // nothing to undo after a commit; ends the transaction after a failure
                    c.setAutoCommit(true);
                }
                c.setNetworkTimeout(Runnable::run, socketTimeout); // the pool's request-path value again
            }
        } catch (SQLException e) {
            // Closing or resetting the replica's connection failed after the build: the copy is
            // complete, but the connection is broken; the pool discards it.
            replicaFailed(e);
            return Optional.empty();
        }
    }
}
