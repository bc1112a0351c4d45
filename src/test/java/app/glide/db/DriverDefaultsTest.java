package app.glide.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

/**
 * Without the {@code pooled} profile (a direct connection to PostgreSQL): the driver's default
 * server-side prepared statements (from the 5th run of a statement), and the request timeouts set
 * on every new connection. PooledProfileTest is the other side.
 */
@QuarkusTest
class DriverDefaultsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void directConnectionsPrepareOnTheServerAndCarryTheRequestTimeouts() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertEquals(5, c.unwrap(PGConnection.class).getPrepareThreshold());
            try (PreparedStatement s = c.prepareStatement("select ?::int + 1")) {
                for (int i = 0; i < 10; i++) {
                    s.setInt(1, i);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                    }
                }
                assertTrue(s.unwrap(PGStatement.class).isUseServerPrepare());
            }
            try (PreparedStatement s = c.prepareStatement(
                    "select current_setting('lock_timeout'), current_setting('statement_timeout')");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals("2s", rs.getString(1));
                assertEquals("5s", rs.getString(2));
            }
        }
    }
}
