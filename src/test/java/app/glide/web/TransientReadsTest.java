package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.glide.db.Sql;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TransientReadsTest {

    /** Fails once with {@code state}, then answers. */
    static Supplier<String> failingOnce(AtomicInteger calls, RuntimeException failure) {
        return () -> {
            if (calls.incrementAndGet() == 1) {
                throw failure;
            }
            return "plan";
        };
    }

    static RuntimeException sql(String state, String message) {
        return new Sql.SqlFailure("select 1", new SQLException(message, state));
    }

    @Test
    void aDeadConnectionIsTriedOnceMoreOutsideATransaction() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("plan", TransientReads.once(failingOnce(calls, sql("08006", "An I/O error occurred")), true));
        assertEquals(2, calls.get());
    }

    @Test
    void neverInsideATransactionNorAfterATimeoutNorAfterWaitingForTheStarvedPool() {
        for (var c : new Object[][] {
                {sql("08006", "An I/O error occurred"), false},
                {sql("57014", "canceling statement due to statement timeout"), true},
                {sql("55P03", "canceling statement due to lock timeout"), true},
                {new RuntimeException(new SQLException("Sorry, acquisition timeout!")), true},
                {new IllegalStateException("a bug"), true}}) {
            AtomicInteger calls = new AtomicInteger();
            RuntimeException failure = (RuntimeException) c[0];
            assertThrows(RuntimeException.class, () -> TransientReads.once(failingOnce(calls, failure), (Boolean) c[1]));
            assertEquals(1, calls.get(), failure.toString());
        }
    }
}
