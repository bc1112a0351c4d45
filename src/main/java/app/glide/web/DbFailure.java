package app.glide.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.transaction.xa.XAException;
import org.hibernate.StaleStateException;

/**
 * Tells an expected database failure (the database gone, too busy, or a transaction that
 * lost a race) from a bug, by walking an exception's cause chain. Hibernate, Agroal,
 * Narayana and {@link app.glide.db.Sql.SqlFailure} each wrap the driver's {@link SQLException}
 * differently; the SQLSTATE underneath is what counts. Plain Java: no framework needed.
 */
public final class DbFailure {

    /** What an expected database failure means for the client. */
    public enum Kind {
        /** The database cannot be reached, or no connection could be had in time: nothing was saved. */
        UNAVAILABLE("database-unavailable", 5),
        /** Lost a race or ran out of time (serialization failure, deadlock, lock or statement timeout): nothing was saved. */
        CONTENTION("try-again", 2),
        /** The commit itself failed: it may or may not have been saved. */
        COMMIT_UNKNOWN("commit-outcome-unknown", 5);

        private final String slug;
        private final int retryAfterSeconds;

        Kind(String slug, int retryAfterSeconds) {
            this.slug = slug;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public String slug() {
            return slug;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private DbFailure() {
    }

    /**
     * The kind of expected database failure behind {@code e}, or null: not one (a bug, bad input, ...).
     *
     * <p>A failed commit is told apart by what failed: the commit itself (an {@link XAException}
     * from the connection's commit, or a heuristic outcome) leaves the outcome unknown; a failure
     * before it (Hibernate's flush in {@code beforeCompletion}, reported as a
     * {@link jakarta.transaction.RollbackException} with that failure as cause) rolled back,
     * and is classified by its own cause.
     */
    public static Kind classify(Throwable e) {
        boolean commitPhase = false;
        boolean bareRollback = false;
        boolean otherSqlState = false;
        boolean lostUpdate = false;
        Kind found = null;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof XAException || t instanceof HeuristicMixedException
                    || t instanceof HeuristicRollbackException) {
                commitPhase = true;
            }
            if (t instanceof RollbackException && t.getCause() == null) {
                bareRollback = true; // the transaction manager did not say why: assume the worst
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                lostUpdate = true; // a concurrent transaction changed the row first
            }
            Kind k = null;
            if (t instanceof SQLException s) {
                k = bySqlState(s.getSQLState());
                if (k == null) {
                    k = byMessage(s);
                }
                if (k == null && s.getSQLState() != null && !s.getSQLState().isBlank()) {
                    otherSqlState = true;
                }
            } else if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof EOFException || t instanceof SocketException) {
                k = Kind.UNAVAILABLE;
            }
            if (found == null && k != null) {
                found = k;
            }
        }
        if (commitPhase) {
            if (found == Kind.CONTENTION) {
                return Kind.CONTENTION; // the database refused the commit: it rolled back, try again
            }
            if (found == null && otherSqlState) {
                return null; // e.g. a constraint checked at commit: a bug, not an outage
            }
            return Kind.COMMIT_UNKNOWN;
        }
        if (found != null) {
            return found;
        }
        if (lostUpdate) {
            return Kind.CONTENTION;
        }
        return bareRollback && !otherSqlState ? Kind.COMMIT_UNKNOWN : null;
    }

    /** Kind by PostgreSQL SQLSTATE, or null. */
    static Kind bySqlState(String state) {
        if (state == null || state.length() != 5) {
            return null;
        }
        if (state.startsWith("08")) {
            return Kind.UNAVAILABLE; // connection exception (refused, lost, ...)
        }
        return switch (state) {
            case "57P01", "57P02", "57P03", // admin shutdown, crash shutdown, cannot connect now
                 "53300" -> Kind.UNAVAILABLE; // too many connections
            case "40001", "40P01", // serialization failure, deadlock
                 "55P03", "57014" -> Kind.CONTENTION; // lock_timeout, statement_timeout (query canceled)
            default -> null;
        };
    }

    private static Kind byMessage(SQLException s) {
        if (s instanceof SQLTransientConnectionException || s instanceof SQLNonTransientConnectionException
                || s instanceof SQLRecoverableException) {
            return Kind.UNAVAILABLE;
        }
        String m = s.getMessage();
        if (m != null && (m.startsWith("Sorry, acquisition timeout") || m.startsWith("Acquisition timeout"))) {
            return Kind.UNAVAILABLE; // Agroal: no connection within quarkus.datasource.jdbc.acquisition-timeout
        }
        return null;
    }

    /** A one-line description for logs: exception class, SQLSTATE and first message line of the deepest SQL cause. */
    public static String describe(Throwable e) {
        Throwable deepest = e;
        SQLException sql = null;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            deepest = t;
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        Throwable shown = sql != null ? sql : deepest;
        String message = shown.getMessage() == null ? "" : shown.getMessage().strip().lines().findFirst().orElse("");
        return shown.getClass().getSimpleName() + (sql != null && sql.getSQLState() != null ? " " + sql.getSQLState() : "")
                + (message.isEmpty() ? "" : ": " + message);
    }
}
