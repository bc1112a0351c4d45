package app.glide.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Gives every test run its own freshly created schema in the local PostgreSQL, so tests
 * never touch dev data (schema glide_dev) and two runs at once never collide. Flyway
 * migrates it at startup; it is dropped when the run ends.
 *
 * <p>The roles are production's (docs/security.md, "Database roles"): the schema belongs to
 * {@value #OWNER}, Flyway migrates as it, and the application's pool connects as
 * {@value #APP}, which has only what migration V14 grants it. Both are created here when the
 * cluster lacks them, so every test proves the grants suffice. The {@code postgres}
 * superuser only creates roles and schemas, and is what tests use to play an administrator.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String SCHEMA_PREFIX = "glide_test_";
    private static final String HOST = System.getProperty("glidetest.db.host", "localhost");
    public static final String BASE_URL = "jdbc:postgresql://" + HOST + ":5432/postgres";
    /** The cluster's superuser: creates the roles and schemas. */
    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "postgres";
    /** Owns the test schemas and runs the migrations. */
    public static final String OWNER = "glide_test_owner";
    public static final String OWNER_PASSWORD = "glide_test_owner";
    /** What the application connects as. */
    public static final String APP = "glide_test_app";
    public static final String APP_PASSWORD = "glide_test_app";

    /** System property holding the dev schema's row counts as seen before this run started. */
    public static final String DEV_FINGERPRINT = "glidetest.dev-fingerprint";

    private String schema;

    @Override
    public Map<String, String> start() {
        System.setProperty(DEV_FINGERPRINT, devFingerprint());
        ensureRoles();
        schema = SCHEMA_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + schema + " authorization " + OWNER);
        return Map.of(
                "quarkus.datasource.jdbc.url", BASE_URL + "?currentSchema=" + schema,
                "quarkus.datasource.username", APP,
                "quarkus.datasource.password", APP_PASSWORD,
                "quarkus.flyway.username", OWNER,
                "quarkus.flyway.password", OWNER_PASSWORD,
                "quarkus.flyway.schemas", schema);
    }

    @Override
    public void stop() {
        if (schema != null && !Boolean.getBoolean("glidetest.keep-schema")) {
            execute("drop schema if exists " + schema + " cascade");
        }
    }

    /**
     * Creates the owner and application roles unless they exist (idempotent, and safe when
     * several test runs start at once: a cluster-wide advisory lock orders them). Neither is
     * a superuser or may create roles or databases; both may log in.
     */
    public static void ensureRoles() {
        try (Connection c = DriverManager.getConnection(BASE_URL, SUPERUSER, SUPERUSER_PASSWORD)) {
            ensureRoles(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL on " + BASE_URL + " (role postgres) to create roles "
                    + OWNER + " and " + APP + ": " + e.getMessage(), e);
        }
    }

    /** The same on a superuser's connection to another cluster (the fault-injection test's own). */
    public static void ensureRoles(Connection superuser) throws SQLException {
        try (Statement st = superuser.createStatement()) {
            st.execute("select pg_advisory_lock(hashtext('glide.test.roles'))");
            try {
                st.execute(createRole(OWNER, OWNER_PASSWORD));
                st.execute(createRole(APP, APP_PASSWORD));
            } finally {
                st.execute("select pg_advisory_unlock(hashtext('glide.test.roles'))");
            }
        }
    }

    private static String createRole(String role, String password) {
        return """
                do $$ begin
                  if not exists (select from pg_roles where rolname = '%1$s') then
                    create role %1$s login nosuperuser nocreatedb nocreaterole noinherit password '%2$s';
                  end if;
                end $$""".formatted(role, password);
    }

    /** A connection as the schema's owner (what migrations run as). */
    public static Connection owner(String schema) throws SQLException {
        return DriverManager.getConnection(BASE_URL + "?currentSchema=" + schema, OWNER, OWNER_PASSWORD);
    }

    /**
     * Row counts of the dev schema's tables that tests create rows in (clinics, users),
     * or "absent". Dev mode itself never adds to these after its first start.
     */
    public static String devFingerprint() {
        try (Connection c = DriverManager.getConnection(BASE_URL, SUPERUSER, SUPERUSER_PASSWORD);
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
        try (Connection c = DriverManager.getConnection(BASE_URL, SUPERUSER, SUPERUSER_PASSWORD)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL on " + BASE_URL + " (role postgres): " + e.getMessage(), e);
        }
    }
}
