package app.glide.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Gives every test run its own freshly created schema in the local PostgreSQL, so tests
 * never touch dev data (schema glide_dev) and two runs at once never collide. Flyway
 * migrates it at startup; it is dropped when the run ends.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String SCHEMA_PREFIX = "glide_test_";
    private static final String HOST = System.getProperty("glidetest.db.host", "localhost");
    private static final String BASE_URL = "jdbc:postgresql://" + HOST + ":5432/postgres";
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    /** System property holding the dev schema's row counts as seen before this run started. */
    public static final String DEV_FINGERPRINT = "glidetest.dev-fingerprint";

    private String schema;

    @Override
    public Map<String, String> start() {
        System.setProperty(DEV_FINGERPRINT, devFingerprint());
        schema = SCHEMA_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + schema);
        return Map.of(
                "quarkus.datasource.jdbc.url", BASE_URL + "?currentSchema=" + schema,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "quarkus.flyway.schemas", schema);
    }

    @Override
    public void stop() {
        if (schema != null && !Boolean.getBoolean("glidetest.keep-schema")) {
            execute("drop schema if exists " + schema + " cascade");
        }
    }

    /**
     * Row counts of the dev schema's tables that tests create rows in (clinics, users),
     * or "absent". Dev mode itself never adds to these after its first start.
     */
    public static String devFingerprint() {
        try (Connection c = DriverManager.getConnection(BASE_URL, USER, PASSWORD);
             var rs = c.createStatement().executeQuery(
                     "select to_regclass('glide_dev.app_user') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return "absent";
            }
            try (var counts = c.createStatement().executeQuery(
                    "select (select count(*) from glide_dev.clinic) || '/' || (select count(*) from glide_dev.app_user)")) {
                counts.next();
                return counts.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(BASE_URL, USER, PASSWORD)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL on " + BASE_URL + " (role postgres): " + e.getMessage(), e);
        }
    }
}
