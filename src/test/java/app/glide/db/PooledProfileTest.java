package app.glide.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

/**
 * The {@code pooled} profile (QUARKUS_PROFILE=prod,pooled behind PgBouncer in transaction mode,
 * docs/operations.md "Behind PgBouncer") reaches the driver: no server-side prepared statements,
 * however often a statement runs, and no session SET on new connections. DriverDefaultsTest is
 * the same check without the profile.
 */
@QuarkusTest
@TestProfile(PooledProfileTest.Pooled.class)
class PooledProfileTest {

    public static class Pooled implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test,pooled";
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** The read-routing pool (db/ReadRouting): behind a pooler too when the replica is. */
    @Inject
    @DataSource("read")
    AgroalDataSource readDataSource;

    @Test
    void theDriverNeverPreparesOnTheServerAndSetsNothingOnTheSession() throws Exception {
        assertPooled(dataSource);
    }

    @Test
    void theReadPoolIsPoolerSafeToo() throws Exception {
        assertPooled(readDataSource);
    }

    private static void assertPooled(AgroalDataSource pool) throws Exception {
        try (Connection c = pool.getConnection()) {
            assertEquals(0, c.unwrap(PGConnection.class).getPrepareThreshold());
            try (PreparedStatement s = c.prepareStatement("select ?::int + 1")) {
                for (int i = 0; i < 10; i++) {
                    s.setInt(1, i);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        assertEquals(i + 1, rs.getInt(1));
                    }
                }
                assertFalse(s.unwrap(PGStatement.class).isUseServerPrepare(), "server-side prepared after 10 runs");
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from pg_prepared_statements");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "named statements on the server session");
            }
            // new-connection-sql is off: the session keeps the server's (here: the role's) setting.
            try (PreparedStatement s = c.prepareStatement("select current_setting('lock_timeout')");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                assertNotEquals("2s", rs.getString(1), "lock_timeout was set on the session");
            }
        }
    }
}
