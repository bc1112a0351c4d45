package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.db.Sql;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** How failures surface from Hibernate, Agroal, Narayana and db.Sql, and what the client is told. Plain Java. */
class DbFailureTest {

    private static SQLException sql(String state, String message) {
        return new SQLException(message, state);
    }

    @Test
    void theDatabaseGoneIsUnavailable() {
        // Hibernate could not get a connection: the driver's refusal underneath.
        var refused = new PSQLException("Connection to localhost:55432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
        assertEquals(DbFailure.Kind.UNAVAILABLE, DbFailure.classify(new PersistenceException(
                new JDBCConnectionException("Unable to acquire JDBC Connection", refused))));
        // A pooled connection that died with the server (db.Sql).
        assertEquals(DbFailure.Kind.UNAVAILABLE, DbFailure.classify(new Sql.SqlFailure("select 1",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))));
        // The server shutting down or starting up.
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300", "08006", "08001", "08003"}) {
            assertEquals(DbFailure.Kind.UNAVAILABLE, DbFailure.classify(new PersistenceException(sql(state, "x"))), state);
        }
        // Agroal: no connection free within the acquisition timeout (no SQLSTATE).
        assertEquals(DbFailure.Kind.UNAVAILABLE, DbFailure.classify(new PersistenceException(
                new GenericJDBCException("Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!")))));
        assertEquals(DbFailure.Kind.UNAVAILABLE, DbFailure.classify(new IllegalStateException(new ConnectException("refused"))));
    }

    @Test
    void lostRacesAndTimeoutsAreTryAgain() {
        for (String state : new String[] {"40001", "40P01", "55P03", "57014"}) {
            assertEquals(DbFailure.Kind.CONTENTION, DbFailure.classify(new Sql.SqlFailure("update x", sql(state, "ERROR: " + state))), state);
        }
        assertEquals(DbFailure.Kind.CONTENTION, DbFailure.classify(new PersistenceException(
                new LockAcquisitionException("could not obtain lock", sql("55P03", "canceling statement due to lock timeout")))));
    }

    @Test
    void aFailedCommitHasAnUnknownOutcome() {
        // Narayana: the one-phase commit of the local resource failed on a dead connection.
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE));
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(xa);
        assertEquals(DbFailure.Kind.COMMIT_UNKNOWN, DbFailure.classify(commit));
        assertEquals(DbFailure.Kind.COMMIT_UNKNOWN, DbFailure.classify(new RuntimeException(commit)));
        // Nothing said why: unknown as well.
        assertEquals(DbFailure.Kind.COMMIT_UNKNOWN, DbFailure.classify(new RollbackException("ARJUNA016053: Could not commit transaction.")));
        // The database refused the commit (serialization): rolled back for sure, try again.
        XAException refused = new XAException("Error trying to transactionCommit local transaction");
        refused.initCause(sql("40001", "could not serialize access"));
        RollbackException serialization = new RollbackException("ARJUNA016053: Could not commit transaction.");
        serialization.initCause(refused);
        assertEquals(DbFailure.Kind.CONTENTION, DbFailure.classify(serialization));
        // The flush before the commit failed (Hibernate in beforeCompletion): rolled back, by its own cause.
        RollbackException flushLost = new RollbackException("ARJUNA016053: Could not commit transaction.");
        flushLost.initCause(new PersistenceException(sql("08006", "An I/O error occurred while sending to the backend.")));
        assertEquals(DbFailure.Kind.UNAVAILABLE, DbFailure.classify(flushLost));
        RollbackException stale = new RollbackException("ARJUNA016053: Could not commit transaction.");
        stale.initCause(new OptimisticLockException(new StaleStateException(
                "Unexpected row count (expected row count 1 but was 0)")));
        assertEquals(DbFailure.Kind.CONTENTION, DbFailure.classify(stale));
        RollbackException bug = new RollbackException("ARJUNA016053: Could not commit transaction.");
        bug.initCause(new IllegalStateException("a bug in a flush"));
        assertNull(DbFailure.classify(bug));
        // A constraint checked at commit is a bug, not an outage.
        XAException deferred = new XAException("Error trying to transactionCommit local transaction");
        deferred.initCause(sql("23505", "duplicate key value violates unique constraint"));
        RollbackException constraint = new RollbackException("ARJUNA016053: Could not commit transaction.");
        constraint.initCause(deferred);
        assertNull(DbFailure.classify(constraint));
    }

    @Test
    void bugsAndBadInputAreNotDatabaseFailures() {
        assertNull(DbFailure.classify(new IllegalStateException("boom")));
        assertNull(DbFailure.classify(new PersistenceException(sql("23505", "duplicate key"))));
        assertNull(DbFailure.classify(new Sql.SqlFailure("select", new PSQLException("syntax", PSQLState.SYNTAX_ERROR))));
        assertNull(DbFailure.classify(new SQLException("no state")));
        assertNull(DbFailure.classify(new ApiProblem(404, "not-found", "Not found", "x")));
    }

    @Test
    void eachKindHasItsProblemWithRetryAfter() {
        for (DbFailure.Kind kind : DbFailure.Kind.values()) {
            ApiProblem p = ProblemMappers.databaseProblem(kind);
            assertEquals(503, p.status());
            assertEquals(kind.slug(), p.slug());
            assertEquals(Integer.toString(kind.retryAfterSeconds()), p.headers().get("Retry-After"));
        }
        assertTrue(ProblemMappers.databaseProblem(DbFailure.Kind.COMMIT_UNKNOWN).detail().contains("may or may not"));
    }

    @Test
    void theLogLineNamesTheStateNotTheStack() {
        String d = DbFailure.describe(new PersistenceException(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new PSQLException("Connection to localhost:55432 refused.\nmore", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
        assertEquals("PSQLException 08001: Connection to localhost:55432 refused.", d);
    }
}
