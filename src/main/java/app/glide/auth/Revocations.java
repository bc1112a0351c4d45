package app.glide.auth;

import app.glide.config.GlideConfig;
import app.glide.db.Sql;
import app.glide.time.WallClock;
import app.glide.web.AfterCommit;
import app.glide.web.ApiProblem;
import app.glide.web.DbFailure;
import app.glide.web.ProblemMappers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Revocation of access tokens that bites within seconds on every replica, without a
 * database read per request.
 *
 * <p>Logout, a replayed refresh token, deactivation and discharge insert rows into
 * {@code token_revocation} in their own transaction (one per ended session; see
 * {@link RevokedSessions}). Each replica keeps those rows in memory and checks every request's
 * token against them ({@link VerifiedTokens}, also for tokens it had already verified). The
 * replica that revoked applies the rows as soon as its transaction commits; every other
 * replica polls every {@code glide.revocation.poll-every} (2 s) with one indexed query for
 * the rows written since its last poll.
 *
 * <p>"Since" is by writing transaction, not by id or time: ids and timestamps are taken
 * before commit, so a row can become visible after a later one and a poll by "id greater
 * than the last seen" would skip it for good. Each poll reads the rows of transactions at
 * or after the previous poll's snapshot xmin (every older transaction had finished, so its
 * rows were visible then) and remembers its own snapshot's xmin. Rows of transactions still
 * running are read again by the next poll; adding a row twice changes nothing.
 *
 * <p>If polls fail (database unreachable), this replica cannot know about revocations made
 * elsewhere. Up to {@code glide.revocation.max-staleness} (20 s) after its last successful
 * poll it keeps answering from what it knows; after that it fails closed: every request with
 * an access token answers 503 {@code database-unavailable} until a poll succeeds again (such
 * requests would need the database anyway).
 *
 * <p>Security time: the SQL keeps PostgreSQL's {@code now()} (one time for every replica), not the clinical clock.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class);
    /** Beyond the token lifetime and the verifier's clock skew, how long a revocation is kept. */
    private static final Duration MARGIN = Duration.ofMinutes(1);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    static final String DETAIL = "This access token was revoked (logout, deactivation or discharge). Refresh it;"
            + " if that is refused too, sign in again.";

    @Inject
    Sql sql;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry meters;

    @Inject
    GlideConfig config;

    @Inject
    @WallClock
    Clock clock;

    private Duration maxStaleness;

    private volatile RevokedSessions revoked;
    /** Rows of transactions from this one on may not have been seen yet (xid8 as text). */
    private String cursor = "0";
    private volatile long lastPollNanos;
    private volatile boolean polledOnce;
    private volatile boolean stopping;
    /** Tests only: the scheduled polls do nothing (as when they fail). */
    private volatile boolean paused;
    /** Consecutive failed polls (only the poller thread writes it). */
    private int failedPolls;
    private ScheduledExecutorService poller;

    void onStart(@Observes StartupEvent start) {
        revoked = new RevokedSessions(config.jwt().accessTokenTtl().plus(CLOCK_SKEW).plus(MARGIN));
        maxStaleness = config.revocation().maxStaleness();
        Duration pollEvery = config.revocation().pollEvery();
        Gauge.builder("glide.revocation.poll.age", this, r -> r.polledOnce
                        ? (System.nanoTime() - r.lastPollNanos) / 1e9 : Double.NaN)
                .description("Seconds since this replica last read token revocations (fails closed past glide.revocation.max-staleness)")
                .baseUnit("seconds").register(meters);
        Gauge.builder("glide.revocation.sessions", this, r -> r.revoked.size())
                .description("Revoked sessions this replica knows of (those of the last access-token lifetime)")
                .register(meters);
        pollQuietly();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "revocation-poll");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, pollEvery.toMillis());
        poller.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** After requests have drained (GracefulShutdown observes earlier), before the pool closes. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) ShutdownEvent stop) {
        stopping = true;
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    // --- the request path --------------------------------------------------------

    /**
     * Refuses a verified token that was revoked (401 {@code token-revoked}), or any token when
     * this replica's knowledge is too old (503). Memory only.
     */
    public void check(UUID userId, UUID sessionId) {
        if (!fresh()) {
            throw ProblemMappers.databaseProblem(DbFailure.Kind.UNAVAILABLE);
        }
        if (revoked.isRevoked(userId, sessionId)) {
            throw ApiProblem.unauthorized("token-revoked", DETAIL);
        }
    }

    boolean fresh() {
        return polledOnce && System.nanoTime() - lastPollNanos <= maxStaleness.toNanos();
    }

    // --- revoking (inside the caller's transaction) --------------------------------

    /** Ends one session (a refresh family): logout, reuse of a rotated refresh token. */
    public void revokeSession(UUID userId, UUID familyId, String reason) {
        insert(userId, familyId, reason);
        afterCommit(List.of(new RevokedSessions.Row(userId, familyId, clock.instant())));
    }

    /**
     * Ends every session of a user that may still hold an unexpired access token, and the
     * user's access tokens that name no session: deactivation, discharge. Call it after the
     * user can no longer obtain tokens in this transaction (account inactive, refresh tokens
     * and enrolment codes revoked): it reads the sessions committed up to that point.
     */
    public void revokeUser(UUID userId, String reason) {
        // Refresh tokens changed earlier in this transaction are seen, as before (a Hibernate native query flushed them).
        Panache.getEntityManager().flush();
        List<UUID> families = sql.list("""
                select distinct family_id from refresh_token
                where user_id = ? and issued_at > now() - make_interval(secs => ?)""",
                rs -> Sql.uuid(rs, 1), userId, (double) revoked.keep().toSeconds());
        List<RevokedSessions.Row> rows = new ArrayList<>();
        Instant now = clock.instant();
        for (UUID family : families) {
            insert(userId, family, reason);
            rows.add(new RevokedSessions.Row(userId, family, now));
        }
        insert(userId, null, reason);
        rows.add(new RevokedSessions.Row(userId, null, now));
        afterCommit(rows);
    }

    private void insert(UUID userId, UUID familyId, String reason) {
        sql.update("insert into token_revocation (user_id, family_id, reason) values (?, ?, ?)", userId, familyId, reason);
    }

    /** This replica need not wait for its next poll for what it revoked itself. */
    private void afterCommit(List<RevokedSessions.Row> rows) {
        AfterCommit.run(transactions, () -> rows.forEach(revoked::add));
    }

    // --- polling -----------------------------------------------------------------

    private void pollQuietly() {
        if (paused) {
            return;
        }
        try {
            poll();
        } catch (RuntimeException e) {
            if (stopping) {
                return;
            }
            failedPolls++;
            if (failedPolls == 1) {
                // Once per outage (the requests' own failures are logged by DbOutages); the recovery says how long.
                if (e instanceof Sql.SqlFailure || DbFailure.classify(e) != null) {
                    LOG.warnf("Cannot read token revocations: %s; requests with an access token fail closed (503) %s"
                            + " after the last successful read", DbFailure.describe(e), maxStaleness);
                } else {
                    LOG.errorf(e, "Reading token revocations failed");
                }
            }
        }
    }

    /** A row of a poll: the snapshot's horizon, and a revocation if one was found. */
    private record Polled(String horizon, RevokedSessions.Row row) {
    }

    /** One poll: the rows written since the last one, in one indexed statement. Visible for tests. */
    synchronized void poll() {
        long started = System.nanoTime();
        List<RevokedSessions.Row> rows = new ArrayList<>();
        List<Polled> polled = sql.listUncounted("""
                select cast(pg_snapshot_xmin(pg_current_snapshot()) as text), r.user_id, r.family_id, r.revoked_at
                from (select 1) one
                left join token_revocation r on r.tx >= cast(cast(? as text) as xid8)
                    and r.revoked_at > now() - make_interval(secs => ?)""",
                rs -> new Polled(rs.getString(1), rs.getObject(2) == null ? null
                        : new RevokedSessions.Row(Sql.uuid(rs, 2), Sql.uuid(rs, 3), Sql.instant(rs, 4))),
                cursor, (double) revoked.keep().toSeconds());
        String horizon = null;
        for (Polled p : polled) {
            horizon = p.horizon();
            if (p.row() != null) {
                rows.add(p.row());
            }
        }
        rows.forEach(revoked::add);
        if (horizon != null) {
            cursor = horizon;
        }
        revoked.forgetOlderThan(clock.instant());
        lastPollNanos = started;
        polledOnce = true;
        if (failedPolls > 0) {
            LOG.infof("Token revocations read again after %d failed polls", failedPolls);
            failedPolls = 0;
        }
    }

    /** For plain unit tests: a replica that has just polled and knows these revocations. */
    static Revocations knowing(Duration maxStaleness, RevokedSessions.Row... rows) {
        Revocations r = new Revocations();
        r.maxStaleness = maxStaleness;
        r.revoked = new RevokedSessions(Duration.ofMinutes(17));
        for (RevokedSessions.Row row : rows) {
            r.revoked.add(row);
        }
        r.lastPollNanos = System.nanoTime();
        r.polledOnce = true;
        return r;
    }

    RevokedSessions revokedForTest() {
        return revoked;
    }

    /** For tests: scheduled polls stop (true) or resume (false), as when the database is unreachable. */
    void pauseScheduledPolls(boolean pause) {
        paused = pause;
    }

    /** For tests: as if the last successful poll had been this long ago. */
    synchronized void pretendLastPollWasAgo(Duration ago) {
        lastPollNanos = System.nanoTime() - ago.toNanos();
    }
}
