package app.glide.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A connection of its own, outside the pool, for the readiness probe: a pool busy with one
 * patient's locked rows says nothing about the database, so the probe neither waits for the
 * pool nor on any lock. Plain Java.
 */
public final class DirectConnection {

    private static final Driver DRIVER = new Driver();

    private DirectConnection() {
    }

    /**
     * Connects with {@code props} (user, password, timeouts), runs {@code select 1} with the
     * query timeout, and closes the connection. Throws what the driver throws.
     */
    public static void selectOne(String url, Properties props, int queryTimeoutSeconds) throws SQLException {
        try (Connection c = DRIVER.connect(url, props);
             Statement statement = c.createStatement()) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            statement.execute("select 1");
        }
    }
}
